package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counters beyond the stat line, read from this JVM's real /proc files and from fake ones. */
class ProcessCountersTest {

    private static final Path SELF =
            Path.of("/proc", Long.toString(ProcessHandle.current().pid()));

    @TempDir
    Path tmp;

    private static ProcessReading fresh() {
        ProcessReading s = new ProcessReading();
        s.clear();
        return s;
    }

    @Test
    void ioCountersGrowByWhatThisProcessWrites() throws IOException {
        try (ProcIoReader io = ProcIoReader.open(SELF)) {
            assertThat(io).isNotNull();
            ProcessReading before = fresh();
            io.read(before);
            try (OutputStream out = Files.newOutputStream(tmp.resolve("data"))) {
                out.write(new byte[256 * 1024]);
            }
            ProcessReading after = fresh();
            io.read(after);
            assertThat(before.writeChars).isNotNegative();
            assertThat(after.writeChars - before.writeChars).isGreaterThanOrEqualTo(256 * 1024);
            assertThat(after.readChars).isGreaterThanOrEqualTo(before.readChars).isPositive();
            assertThat(after.readBytes).isNotNegative();
            assertThat(after.writeBytes).isNotNegative();
        }
    }

    @Test
    void aProcessWithoutReadableIoHasNoIoReaderAndNoIoKeys() throws IOException {
        Path fake = Files.createDirectories(tmp.resolve("proc/42"));
        assertThat(ProcIoReader.open(fake)).isNull();
        Files.writeString(
                fake.resolve("status"), "Name:\tx\nvoluntary_ctxt_switches:\t5\nnonvoluntary_ctxt_switches:\t2\n");
        try (ProcessCounters counters = ProcessCounters.open(fake, MemoryDetail.PSS)) {
            ProcessReading s = fresh();
            counters.read(s);
            assertThat(s.readBytes).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(s.readChars).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(s.pssBytes).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(s.voluntaryCtxSwitches).isEqualTo(5);
            assertThat(s.involuntaryCtxSwitches).isEqualTo(2);
        }
    }

    @Test
    void contextSwitchesAreThoseTheStatusFileShows() throws IOException, InterruptedException {
        try (ProcStatusReader status = ProcStatusReader.open(SELF)) {
            ProcessReading s = fresh();
            status.read(s);
            long voluntary = -1;
            for (String line : Files.readAllLines(SELF.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    voluntary =
                            Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            // This thread's process: counts only grow between the two reads.
            assertThat(s.voluntaryCtxSwitches).isPositive().isLessThanOrEqualTo(voluntary);
            assertThat(s.involuntaryCtxSwitches).isNotNegative();
        }
    }

    @Test
    void theDescriptorCountFollowsFilesOpenedAndClosed() throws IOException {
        FdCount fds = FdCount.open(SELF);
        assertThat(fds)
                .as("this kernel counts descriptors in stat(2) of /proc/<pid>/fd")
                .isNotNull();
        ProcessReading before = fresh();
        fds.read(before);
        List<java.io.InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(Files.newInputStream(SELF.resolve("stat")));
            }
            ProcessReading during = fresh();
            fds.read(during);
            // Other threads (JIT, GC) may open or close a descriptor meanwhile: a little slack.
            assertThat(during.numFds - before.numFds).isBetween(18L, 22L);
        } finally {
            for (java.io.InputStream in : open) {
                in.close();
            }
        }
    }

    @Test
    void pssAndUssOfThisProcessAreBelowItsRss() throws IOException {
        try (SmapsRollupReader smaps = SmapsRollupReader.open(SELF);
                ProcStatSampler stat =
                        ProcStatSampler.open(ProcessHandle.current().pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM)) {
            ProcessReading s = fresh();
            stat.sample(s);
            smaps.read(s);
            assertThat(s.ussBytes).isPositive();
            assertThat(s.pssBytes).isGreaterThanOrEqualTo(s.ussBytes);
            // PSS counts each shared page once over its sharers: at most RSS (with slack for growth).
            assertThat(s.pssBytes).isLessThanOrEqualTo(s.rssBytes + (64L << 20));
        }
    }

    @Test
    void pssIsReadOnlyOnRequest() throws IOException {
        try (ProcessCounters plain = ProcessCounters.open(SELF, MemoryDetail.RSS);
                ProcessCounters pss = ProcessCounters.open(SELF, MemoryDetail.PSS)) {
            ProcessReading a = fresh();
            plain.read(a);
            ProcessReading b = fresh();
            pss.read(b);
            assertThat(a.pssBytes).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(a.ussBytes).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(b.pssBytes).isPositive();
            assertThat(b.ussBytes).isPositive();
        }
    }

    @Test
    void theCostlyCountersAreReadEveryTenthSampleAndIoAtEvery() throws IOException {
        try (ProcessCounters counters = ProcessCounters.open(SELF, MemoryDetail.RSS)) {
            for (int i = 0; i < 25; i++) {
                ProcessReading s = fresh();
                counters.read(s);
                boolean sparse = i % ProcessCounters.SPARSE_PERIOD == 0;
                assertThat(s.readChars).as("sample %d", i).isPositive();
                assertThat(s.voluntaryCtxSwitches >= 0).as("sample %d", i).isEqualTo(sparse);
                assertThat(s.numFds >= 0).as("sample %d", i).isEqualTo(sparse);
            }
        }
    }

    @Test
    void procTextFindsTheNumberAfterAKeyAtALineStart() {
        byte[] text = "rchar: 12\nxread_bytes: 7\nread_bytes:   4096\nwrite_bytes:\nPss:   99 kB\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(ProcText.value(text, text.length, ProcText.ascii("read_bytes:")))
                .isEqualTo(4096);
        assertThat(ProcText.value(text, text.length, ProcText.ascii("rchar:"))).isEqualTo(12);
        assertThat(ProcText.value(text, text.length, ProcText.ascii("write_bytes:")))
                .isEqualTo(-1);
        assertThat(ProcText.value(text, text.length, ProcText.ascii("Pss:"))).isEqualTo(99);
        assertThat(ProcText.value(text, text.length, ProcText.ascii("wchar:"))).isEqualTo(-1);
        assertThat(ProcText.value(text, 12, ProcText.ascii("read_bytes:"))).isEqualTo(-1);
        byte[] huge = "9223372036854771712\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(ProcText.number(huge, 0, huge.length)).isEqualTo(-1);
    }

    @Test
    void readingTheCountersAllocatesNothingOnceWarm() throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (ProcessCounters counters = ProcessCounters.open(SELF, MemoryDetail.PSS)) {
            ProcessReading s = fresh();
            for (int i = 0; i < 50; i++) {
                counters.read(s);
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100; i++) { // ten rounds of the sparse counters too
                counters.read(s);
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertThat(s.pssBytes).isPositive();
            assertThat(allocated).as("bytes allocated by 100 reads").isLessThan(1_000);
        }
    }
}
