package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * procmon-core as a named module: its descriptor exports only the API package, and a monitor
 * started from the module (in a layer of its own, SLF4J beside it) writes its lines, so every
 * module its code needs at run time is required. The other tests run on the class path.
 */
class ModuleDescriptorTest {

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theModuleExportsOnlyItsApiAndRequiresOnlySlf4jOfTheLibraries() throws Exception {
        ModuleDescriptor d = ModuleFinder.of(location(ProcessMonitor.class))
                .find("dev.procmon.core")
                .orElseThrow()
                .descriptor();
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.procmon.core");
        Set<String> libraries = d.requires().stream()
                .map(ModuleDescriptor.Requires::name)
                .filter(n -> !n.startsWith("java.") && !n.startsWith("jdk."))
                .collect(Collectors.toSet());
        assertThat(libraries).containsExactlyInAnyOrder("org.slf4j", "org.jspecify");
        assertThat(d.requires())
                .filteredOn(r -> r.name().equals("org.jspecify"))
                .allSatisfy(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void aMonitorStartedFromTheNamedModuleWritesItsLines() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(ProcessMonitor.class), location(org.slf4j.Logger.class));
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.procmon.core"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> monitorClass = layer.findLoader("dev.procmon.core").loadClass("dev.procmon.core.ProcessMonitor");
        assertThat(monitorClass.getModule().getName()).isEqualTo("dev.procmon.core");
        assertThat(monitorClass).isNotSameAs(ProcessMonitor.class);

        List<String> lines = new CopyOnWriteArrayList<>();
        Object builder = monitorClass.getMethod("builder").invoke(null);
        Class<?> builderClass = builder.getClass();
        builderClass.getMethod("interval", Duration.class).invoke(builder, Duration.ofMillis(10));
        builderClass.getMethod("sink", Consumer.class).invoke(builder, (Consumer<String>) lines::add);
        AutoCloseable monitor = (AutoCloseable) builderClass.getMethod("start").invoke(builder);
        Method label = monitorClass.getMethod("label", String.class);
        assertThat((Boolean) label.invoke(null, "from the module")).isTrue();
        monitor.close();

        assertThat(lines).first().asString().contains(LogFormat.MARKER_START).contains(LogFormat.RSS);
        assertThat(lines).last().asString().contains(LogFormat.MARKER_STOP);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"from the module\""));
    }
}
