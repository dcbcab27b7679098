package dev.procmon.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import picocli.CommandLine;

/**
 * The architecture written down: what may depend on what across procmon's modules. The rules read the
 * compiled main classes of every module (core, picocli, plot, otel, cli), so they fail as soon as a
 * change breaks one; the test classes (and procmon-core's test jar of server fixtures) are left out.
 */
@AnalyzeClasses(
        packages = "dev.procmon",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The log schema: all of procmon-core that procmon-plot may know. */
    private static final Set<String> LOG_SCHEMA = Set.of(
            "dev.procmon.core.LogField",
            "dev.procmon.core.FieldKind",
            "dev.procmon.core.DatUnit",
            "dev.procmon.core.LogFormat");

    /** What draws or writes a chart: it gets a layout ({@code Chart}, {@code Scene}), never the parsed log. */
    private static final Set<String> RENDERERS = Set.of(
            "dev.procmon.plot.SvgRenderer",
            "dev.procmon.plot.PngRenderer",
            "dev.procmon.plot.ChartRenderer",
            "dev.procmon.plot.ChartPainter",
            "dev.procmon.plot.HtmlReport",
            "dev.procmon.plot.HtmlAssets");

    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = classes()
            .that()
            .resideInAPackage("dev.procmon.core..")
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage(
                    "dev.procmon.core..",
                    "java..",
                    "javax..",
                    "jdk..",
                    "com.sun.net.httpserver..",
                    "com.sun.management..",
                    "org.slf4j.."))
            .because("procmon-core runs inside other people's programs and depends on nothing but the JDK"
                    + " (com.sun.management is the JDK's jdk.management module) and slf4j-api");

    @ArchTest
    static final ArchRule otelDependsOnlyOnCoreAndOpenTelemetry = classes()
            .that()
            .resideInAPackage("dev.procmon.otel..")
            .should()
            .onlyDependOnClassesThat(
                    resideInAnyPackage("dev.procmon.otel..", "dev.procmon.core..", "io.opentelemetry..", "java.."))
            .because("procmon-otel adapts a core monitor to the OpenTelemetry API and nothing else");

    @ArchTest
    static final ArchRule renderersNeverTouchTheParsedTables = noClasses()
            .that(nameIn(RENDERERS))
            .should()
            .dependOnClassesThat(resideInAPackage("dev.procmon.plot")
                    .and(nameStartsWithAny(
                            "dev.procmon.plot.SampleTable",
                            "dev.procmon.plot.ParsedLog",
                            "dev.procmon.plot.LogReader",
                            "dev.procmon.plot.ProcessRun")))
            .because("data flows table -> chart layout -> renderers; HtmlRun is where the HTML report's data"
                    + " is taken from a table (labels, phases), so the report itself never reads one");

    @ArchTest
    static final ArchRule onlyTheLogSchemaCrossesFromCoreToPlot = noClasses()
            .that()
            .resideInAPackage("dev.procmon.plot..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.procmon.core..")
                    .and(not(nameStartsWithAny(LOG_SCHEMA.toArray(String[]::new)))))
            .because("the log schema (" + String.join(", ", LOG_SCHEMA) + ") is defined once in core;"
                    + " nothing else of the monitor is the plotter's business");

    @ArchTest
    static final ArchRule noCommandReachesIntoAnother = classes()
            .that(isCommand().and(not(topLevelNamed(ProcmonCommand.class.getName()))))
            .should(notDependOnAnotherCommand())
            .because("what two commands share lives in a class named for what it is (e.g. PlotResultPrinter);"
                    + " only the root, ProcmonCommand, knows its subcommands");

    /**
     * What procmon-cli offers to others: the launcher's {@code main}, the agent's {@code premain} and
     * {@code agentmain}, and the Logback configurator that {@link java.util.ServiceLoader} must construct.
     */
    private static final Set<String> ENTRY_POINTS = Set.of(
            "dev.procmon.cli.ProcmonCommand",
            "dev.procmon.agent.ProcmonAgent",
            "dev.procmon.cli.CliLogbackConfigurator");

    @ArchTest
    static final ArchRule nothingInTheCliIsPublicButItsEntryPoints = classes()
            .that()
            .resideInAnyPackage("dev.procmon.cli", "dev.procmon.agent")
            .and(not(DescribedPredicate.describe(
                    "one of " + ENTRY_POINTS, (JavaClass c) -> ENTRY_POINTS.contains(c.getName()))))
            .should()
            .notBePublic()
            .because("procmon-cli is an application, not a library: its commands and their parts are package-private"
                    + " so that nobody comes to depend on them; only the JVM, the launcher and ServiceLoader reach in");

    /** A picocli command of ours (nested classes included): {@code LaunchedCommand}, the child process, is not one. */
    private static DescribedPredicate<JavaClass> isCommand() {
        return DescribedPredicate.describe(
                "a picocli command in dev.procmon.cli",
                c -> c.getPackageName().equals("dev.procmon.cli")
                        && topLevel(c).isAnnotatedWith(CommandLine.Command.class));
    }

    private static ArchCondition<JavaClass> notDependOnAnotherCommand() {
        return new ArchCondition<>("not depend on another command") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass self = topLevel(item);
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = topLevel(d.getTargetClass());
                    if (!target.equals(self)
                            && !target.getName().equals(ProcmonCommand.class.getName())
                            && isCommand().test(target)) {
                        events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                    }
                }
            }
        };
    }

    /** In the full build procmon-core's test fixtures arrive as {@code procmon-core-*-tests.jar}, not test-classes. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /** The outermost class declaring {@code c} (for an array, its element type's). */
    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.isArray()) {
            top = top.getComponentType();
        }
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static DescribedPredicate<JavaClass> topLevelNamed(String name) {
        return DescribedPredicate.describe(
                "in " + name, c -> topLevel(c).getName().equals(name));
    }

    private static DescribedPredicate<JavaClass> nameIn(Set<String> names) {
        return DescribedPredicate.describe(
                "are one of " + names, c -> names.contains(topLevel(c).getName()));
    }

    /** The named classes and their nested classes ({@code SampleTable$Label} is part of the table). */
    private static DescribedPredicate<JavaClass> nameStartsWithAny(String... names) {
        return DescribedPredicate.describe(
                "named " + String.join(", ", names) + " (or nested in one)",
                c -> Set.of(names).contains(topLevel(c).getName()));
    }
}
