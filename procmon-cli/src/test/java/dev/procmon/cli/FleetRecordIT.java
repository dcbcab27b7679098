package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.PrometheusServer;
import dev.procmon.core.PushgatewayServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code record --pushgateway}: a batch job's totals reach a real Pushgateway and, through a real
 * Prometheus scraping it, survive the job; a gateway that is down costs one line, not the recording.
 */
class FleetRecordIT {

    private static int record(StringWriter err, String... args) {
        CommandLine cli = ProcmonCommand.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aBatchJobsTotalsSurviveItInPrometheus(@TempDir Path dir) throws Exception {
        try (PushgatewayServer gateway = PushgatewayServer.start(dir);
                PrometheusServer prometheus = PrometheusServer.start(dir, true, gateway.target())) {
            Path log = dir.resolve("job.log");
            StringWriter err = new StringWriter();
            // A job name that would break a URL path or a label value if it were not encoded.
            int exit = record(
                    err,
                    "record",
                    "--interval",
                    "0.1",
                    "--log",
                    log.toString(),
                    "--pushgateway",
                    gateway.url(),
                    "--job",
                    "nightly/\"build\" 1",
                    "--",
                    "sh",
                    "-c",
                    "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");
            assertThat(exit).as(err.toString()).isZero();

            Recording recording = Recording.of(log);
            int last = recording.size() - 1;
            double cpu = recording.number(last, "user")
                    + recording.number(last, "system")
                    + recording.number(last, "children_user")
                    + recording.number(last, "children_system");
            String job = "{job=\"nightly/\\\"build\\\" 1\"}";
            double pushedCpu = prometheus
                    .await("process_cpu_seconds_total" + job, v -> v > 0, 60)
                    .orElseThrow();
            assertThat(pushedCpu).isCloseTo(cpu, org.assertj.core.api.Assertions.within(0.02));
            double peak = prometheus
                    .await("procmon_peak_resident_memory_bytes" + job, v -> v > 0, 30)
                    .orElseThrow();
            assertThat(peak).isEqualTo(recording.max("rss"));
        }
    }

    @Test
    void aGatewayThatIsDownCostsOneLineNotTheRecording(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("job.log");
        StringWriter err = new StringWriter();
        int port = PrometheusServer.freePort();
        int exit = record(
                err,
                "record",
                "--interval",
                "0.05",
                "--log",
                log.toString(),
                "--push-interval",
                "0.1",
                "--pushgateway",
                "http://127.0.0.1:" + port,
                "--",
                "sleep",
                "0.6");
        assertThat(exit).isZero();
        assertThat(err.toString().lines().filter(l -> l.contains("pushgateway")))
                .hasSize(1);
        assertThat(Recording.of(log).lastMarker()).endsWith("-STOP");
    }

    @Test
    void badFleetOptionsAreOneUsageLine() {
        StringWriter err = new StringWriter();
        assertThat(record(err, "record", "--prometheus", "localhost:99999", "--", "true"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--prometheus").contains("99999");
        StringWriter err2 = new StringWriter();
        assertThat(record(err2, "record", "--pushgateway", "ftp://x", "--", "true"))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("--pushgateway");
    }
}
