package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import dev.procmon.plot.PlotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code procmon record} run in this JVM against real processes (an integration test: it starts them);
 * what needs no process is in {@link RecordCommandTest}.
 */
class RecordCommandIT {

    private static final PlotResult NOTHING_PLOTTED = RecordCommandTest.NOTHING_PLOTTED;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int record(RecordCommand command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private int record(String... args) {
        return record(new RecordCommand(Plotter.defaults()), args);
    }

    @Test
    void aLogOnAFullStdoutIsAnErrorNotSilentlyLost() {
        // As from the launcher: picocli's own writer over System.out, a PrintStream that swallows write errors.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }));
        int code;
        try {
            code = ProcmonCommand.commandLine()
                    .setErr(new PrintWriter(err, true))
                    .execute("record", "--interval", "0.1", "--", "sleep", "0.3");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isEqualTo(1);
        assertThat(errLines()).contains("procmon record: cannot write the log to stdout");
    }

    /** {@code --log /dev/full}: every line is lost, so the recording says how many and exits 1, not 0. */
    @Test
    void aLogFileThatTakesNoLineIsAnErrorNotSilentlyLost() {
        int code = ProcmonCommand.commandLine()
                .setErr(new PrintWriter(err, true))
                .execute("record", "--interval", "0.1", "--log", "/dev/full", "--", "sleep", "0.3");
        assertThat(code).isEqualTo(1);
        assertThat(errLines()).anyMatch(l -> l.matches("procmon record: /dev/full: \\d+ lines? could not be written"));
    }

    private Path log() {
        return dir.resolve("record.log");
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void recordsSleepOneAndPassesItsExitCodeZeroThrough() {
        int code = record("--interval", "0.2", "--log", log().toString(), "--", "sleep", "1");
        assertThat(code).isZero();
        Recording r = Recording.of(log());
        assertThat(r.size()).isGreaterThanOrEqualTo(4);
        assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        double pid = r.number(0, LogFormat.PID);
        assertThat(pid).isNotEqualTo((double) ProcessHandle.current().pid());
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.number(i, LogFormat.PID)).isEqualTo(pid);
            assertThat(r.lines().get(i)).doesNotContain("\"jvm\"").doesNotContain(LogFormat.NUM_PROCS);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aCommandThatExitsThreeMakesProcmonExitThree() {
        assertThat(record("--interval", "0.1", "--log", log().toString(), "--", "sh", "-c", "sleep 0.3; exit 3"))
                .isEqualTo(3);
        assertThat(Recording.of(log()).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void aCommandKilledBySignalNineGives137AsAShellWould() {
        assertThat(record("--interval", "0.1", "--log", log().toString(), "--", "sh", "-c", "sleep 0.3; kill -KILL $$"))
                .isEqualTo(128 + 9);
        assertThat(Recording.of(log()).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void rssRisesByAtLeast150MegabytesWhileTheChildTouches200() {
        int code = record(
                "--interval",
                "0.1",
                "--log",
                log().toString(),
                "--",
                Jvms.JAVA,
                "-Xmx64m",
                "-XX:MaxDirectMemorySize=400m",
                "-cp",
                System.getProperty("java.class.path"),
                TouchMemory.class.getName(),
                "200",
                "800");
        assertThat(code).isZero();
        Recording r = Recording.of(log());
        double rise = r.max(LogFormat.RSS) - r.number(0, LogFormat.RSS);
        assertThat(rise).as("rss rise over %d samples", r.size()).isGreaterThanOrEqualTo(150.0 * (1 << 20));
        assertThat(out.toString()).isEmpty(); // the child's stdout is inherited, not ours
    }

    @Test
    void includeChildrenCountsAShellsTwoBusyChildrenAndTheirCpu() {
        String script = "yes > /dev/null & a=$!; yes > /dev/null & b=$!; sleep 1.5; kill $a $b; wait";
        int code =
                record("--interval", "0.1", "--include-children", "--log", log().toString(), "--", "sh", "-c", script);
        assertThat(code).isZero();
        Recording r = Recording.of(log());
        assertThat(r.max(LogFormat.NUM_PROCS)).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.number(i, LogFormat.NUM_PROCS)).isGreaterThanOrEqualTo(1);
        }
        // The shell itself only sleeps; the CPU is the children's, live (user/system) or reaped (children_*).
        double cpu = 0;
        for (int i = 0; i < r.size(); i++) {
            cpu = Math.max(cpu, r.cpu(i));
        }
        // Positive, not a figure: how much CPU two children get in 1.5 s depends on the machine's load.
        assertThat(cpu)
                .as("cpu seconds of two busy children for 1.5 s in %s", r.lines())
                .isPositive();
    }

    @Test
    void aMissingPidIsOneLineAndExitCodeOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(record("--pid", Long.toString(gone.pid()), "--log", log().toString()))
                .isEqualTo(1);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("procmon record: ").contains(Long.toString(gone.pid()));
    }

    @Test
    void aPidIsWatchedUntilItExits() throws Exception {
        Process p = new ProcessBuilder("sleep", "0.6").start();
        assertThat(record("--pid", Long.toString(p.pid()), "--interval", "0.1", "--log", log().toString()))
                .isZero();
        assertThat(p.isAlive()).isFalse();
        Recording r = Recording.of(log());
        assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(r.number(r.size() - 1, LogFormat.PID)).isEqualTo((double) p.pid());
        assertThat(errLines()).containsExactly("procmon record: process " + p.pid() + " has exited; recording ended");
    }

    /**
     * A shell that starts {@code sleep SECONDS} in the background and then becomes {@code sleep 60}
     * (exec), which never waits: the background child stays a zombie once it exits. Returns the
     * parent; its first stdout line is the child's pid.
     */
    private static Process parentOfAZombieToBe(String seconds) throws IOException {
        return new ProcessBuilder("sh", "-c", "sleep " + seconds + " & echo $!; exec sleep 60").start();
    }

    private static long firstLine(Process p) throws IOException {
        try (var in = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
            return Long.parseLong(in.readLine().trim());
        }
    }

    @Test
    void aZombieIsOneLineAndExitCodeOneNotZerosForever() throws Exception {
        Process parent = parentOfAZombieToBe("0");
        try {
            long zombie = firstLine(parent);
            while (WatchedProcess.state(Path.of("/proc"), zombie) != 'Z') {
                Thread.sleep(10);
            }
            assertThat(ProcessHandle.of(zombie).map(ProcessHandle::isAlive))
                    .as("the JDK's view")
                    .contains(true);
            assertThat(record("--pid", Long.toString(zombie), "--interval", "0.1", "--log", log().toString()))
                    .isEqualTo(1);
            assertThat(errLines())
                    .containsExactly("procmon record: process " + zombie
                            + " has already exited (state Z, not yet reaped by its parent); nothing to record");
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPidThatBecomesAZombieEndsTheRecording() throws Exception {
        Process parent = parentOfAZombieToBe("0.5");
        try {
            long child = firstLine(parent);
            assertThat(record("--pid", Long.toString(child), "--interval", "0.1", "--log", log().toString()))
                    .isZero();
            // Ended by the zombie, not by its parent's exit (which would let init reap it).
            assertThat(parent.isAlive()).isTrue();
            assertThat(WatchedProcess.state(Path.of("/proc"), child)).isEqualTo('Z');
            assertThat(Recording.of(log()).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(errLines()).containsExactly("procmon record: process " + child + " has exited; recording ended");
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void recordPlotPrintsTheSameSummaryAndFileListAsProcmonPlot() throws IOException {
        Path plots = dir.resolve("plots");
        assertThat(record(
                        "--interval",
                        "0.05",
                        "--log",
                        log().toString(),
                        "--plot",
                        plots.toString(),
                        "--",
                        "sleep",
                        "0.3"))
                .isZero();
        StringWriter plotOut = new StringWriter();
        StringWriter plotErr = new StringWriter();
        Path again = dir.resolve("again");
        assertThat(new CommandLine(new PlotCommand())
                        .setOut(new PrintWriter(plotOut, true))
                        .setErr(new PrintWriter(plotErr, true))
                        .execute(log().toString(), again.toString()))
                .isZero();
        assertThat(out.toString()).isEqualTo(plotOut.toString().replace(again.toString(), plots.toString()));
        assertThat(out.toString())
                .contains("record.log: pid ")
                .contains(plots.resolve("record.log_").toString());
    }

    @Test
    void withTheLogOnStdoutThePlotSummaryGoesToStderr() {
        assertThat(record("--interval", "0.05", "--plot", dir.resolve("plots").toString(), "--", "sleep", "0.2"))
                .isZero();
        assertThat(out.toString().lines()).allSatisfy(l -> assertThat(l).startsWith(LogFormat.MARKER));
        assertThat(err.toString()).contains(": pid ").contains(".svg");
    }

    @Test
    void aPidIsWatchedForTheDurationAndLeftRunning() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            assertThat(record(
                            "--pid",
                            Long.toString(p.pid()),
                            "--interval",
                            "0.1",
                            "--duration",
                            "0.5",
                            "--log",
                            log().toString()))
                    .isZero();
            assertThat(p.isAlive()).isTrue();
            Recording r = Recording.of(log());
            assertThat(r.size()).isGreaterThanOrEqualTo(2);
            assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void withoutLogTheLinesGoToStdout() {
        assertThat(record("--interval", "0.1", "--", "sleep", "0.3")).isZero();
        Recording r = Recording.of(out.toString());
        assertThat(r.size()).isGreaterThanOrEqualTo(2);
        assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(out.toString().lines()).allSatisfy(l -> assertThat(l).startsWith(LogFormat.MARKER));
    }

    @Test
    void plotRendersTheClosedLogIntoTheDirectory() {
        List<String> seen = new ArrayList<>();
        Plotter plotter = (log, directory) -> {
            assertThat(directory).isDirectory();
            seen.add(Recording.of(log).lastMarker());
            seen.add(directory.getFileName().toString());
            return NOTHING_PLOTTED;
        };
        Path plots = dir.resolve("out/plots");
        assertThat(record(
                        new RecordCommand(plotter),
                        "--interval",
                        "0.1",
                        "--log",
                        log().toString(),
                        "--plot",
                        plots.toString(),
                        "--",
                        "sleep",
                        "0.3"))
                .isZero();
        assertThat(seen).containsExactly(LogFormat.MARKER_STOP, "plots");
    }

    @Test
    void plotWithTheLogOnStdoutGetsACopyOfTheSameLines() {
        List<Recording> seen = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        Plotter plotter = (log, directory) -> {
            seen.add(Recording.of(log));
            logs.add(log);
            return NOTHING_PLOTTED;
        };
        assertThat(record(
                        new RecordCommand(plotter),
                        "--interval",
                        "0.1",
                        "--plot",
                        dir.toString(),
                        "--",
                        "sleep",
                        "0.3"))
                .isZero();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).lines()).isEqualTo(Recording.of(out.toString()).lines());
        assertThat(logs.get(0)).doesNotExist(); // the temporary copy is removed afterwards
    }

    @Test
    void aPlotThatFailsIsOneLineAndExitCodeOne() {
        Plotter plotter = (log, directory) -> {
            throw new IllegalStateException("no fonts");
        };
        assertThat(record(
                        new RecordCommand(plotter),
                        "--interval",
                        "0.1",
                        "--log",
                        log().toString(),
                        "--plot",
                        dir.toString(),
                        "--",
                        "true"))
                .isEqualTo(1);
        assertThat(errLines()).last().asString().isEqualTo("procmon record: cannot plot " + log() + ": no fonts");
    }

    @Test
    void plotWritesTheRealPlotsOfTheRecording() throws IOException {
        Path plots = dir.resolve("plots");
        assertThat(record(
                        "--interval",
                        "0.05",
                        "--log",
                        log().toString(),
                        "--plot",
                        plots.toString(),
                        "--",
                        "sleep",
                        "0.4"))
                .isEqualTo(0);
        try (var files = Files.list(plots)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceAll("_\\d+", "_PID")))
                    .contains("record.log_PID.dat", "record.log_PID.plt", "record.log_PID.svg", "record.log_PID.png");
        }
    }
}
