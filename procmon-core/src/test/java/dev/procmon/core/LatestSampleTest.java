package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatestSampleTest {

    @Test
    void nothingBeforeTheFirstSample() {
        assertThat(new LatestSample().snapshot()).isNull();
    }

    @Test
    void snapshotHoldsThePublishedValuesInSiUnits() {
        LatestSample latest = new LatestSample();
        ProcessReading s = new ProcessReading();
        s.pid = 42;
        s.rssBytes = 1_000_000;
        s.userMicros = 1_500_000;
        s.systemMicros = 500_000;
        latest.publish(s, 1_700_000_000_000_000L, 2_000_000);
        latest.publishLabel("phase 1");

        MetricsSnapshot snap = latest.snapshot();
        assertThat(snap.pid()).isEqualTo(42);
        assertThat(snap.get(LogField.RSS)).isEqualTo(1_000_000.0);
        assertThat(snap.get(LogField.USER)).isEqualTo(1.5);
        assertThat(snap.sum(LogField.USER, LogField.SYSTEM)).isEqualTo(2.0);
        assertThat(snap.get(LogField.VMS)).isNaN();
        assertThat(snap.processStartEpochSeconds()).isEqualTo(1_699_999_998.0);
        assertThat(snap.labels()).isEqualTo(1);
        assertThat(snap.lastLabel()).isEqualTo("phase 1");
    }

    /** A reader racing the writer never sees a torn sample (fields from two publications). */
    @Test
    void readersNeverSeeATornSample() throws Exception {
        LatestSample latest = new LatestSample();
        ProcessReading s = new ProcessReading();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong torn = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                MetricsSnapshot snap = latest.snapshot();
                if (snap != null) {
                    reads.incrementAndGet();
                    double rss = snap.get(LogField.RSS);
                    if (snap.get(LogField.VMS) != rss
                            || snap.get(LogField.PFAULTS) != rss
                            || snap.pid() != (long) rss) {
                        torn.incrementAndGet();
                    }
                }
            }
        });
        reader.start();
        for (long i = 1; i <= 200_000 || reads.get() < 1_000; i++) {
            s.pid = s.rssBytes = s.vmsBytes = s.pageFaults = i;
            latest.publish(s, i, i);
        }
        done.set(true);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(torn.get()).isZero();
    }

    /** Counters read every tenth sample stay at their last value in between; they do not vanish. */
    @Test
    void aCounterLeftOutOfALaterSampleKeepsItsLastValue() {
        LatestSample latest = new LatestSample();
        ProcessReading s = new ProcessReading();
        s.rssBytes = 1;
        s.voluntaryCtxSwitches = 40;
        latest.publish(s, 1, 1);
        s.clear();
        s.rssBytes = 2;
        latest.publish(s, 2, 2);
        MetricsSnapshot snap = latest.snapshot();
        assertThat(snap.get(LogField.RSS)).isEqualTo(2.0);
        assertThat(snap.get(LogField.VOLUNTARY)).isEqualTo(40.0);
        assertThat(snap.get(LogField.INVOLUNTARY)).isNaN();
    }
}
