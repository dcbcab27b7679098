package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedRateScheduleTest {

    private final FixedRateSchedule schedule = new FixedRateSchedule(1_000, 100);

    @Test
    void sampleKIsDueAtStartPlusKIntervals() {
        assertThat(schedule.nextDueAfter(1_000)).isEqualTo(1_100);
        assertThat(schedule.nextDueAfter(1_099)).isEqualTo(1_100);
        assertThat(schedule.nextDueAfter(1_100)).isEqualTo(1_200);
        assertThat(schedule.nextDueAfter(1_000 + 100 * 1_000_000L + 3)).isEqualTo(1_000 + 100 * 1_000_001L);
    }

    @Test
    void aLateSampleSkipsThePastInstantsInsteadOfPushingTheRestBack() {
        assertThat(schedule.nextDueAfter(1_350)).isEqualTo(1_400);
    }

    @Test
    void beforeTheStartTheStartIsDue() {
        assertThat(schedule.nextDueAfter(500)).isEqualTo(1_000);
    }
}
