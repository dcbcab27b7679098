package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PidSetTest {

    @Test
    void addReportsWhetherThePidIsNewAndClearEmptiesIt() {
        PidSet set = new PidSet();
        assertThat(set.add(42)).isTrue();
        assertThat(set.add(42)).isFalse();
        assertThat(set.contains(42)).isTrue();
        assertThat(set.contains(43)).isFalse();
        assertThat(set.size()).isEqualTo(1);
        set.clear();
        assertThat(set.contains(42)).isFalse();
        assertThat(set.size()).isZero();
        assertThat(set.add(42)).isTrue();
    }

    @Test
    void agreesWithAHashSetOverManyRandomRoundsOfAddsClearsAndGrowth() {
        Random random = new Random(7);
        PidSet set = new PidSet(4);
        for (int round = 0; round < 300; round++) {
            Set<Long> expected = new HashSet<>();
            set.clear();
            int adds = random.nextInt(round < 20 ? 5000 : 200);
            for (int i = 0; i < adds; i++) {
                // Pids clustered as the kernel hands them out, plus far ones: collisions and probes.
                long pid = random.nextBoolean() ? 1000 + random.nextInt(300) : random.nextInt(1 << 22);
                assertThat(set.add(pid)).isEqualTo(expected.add(pid));
            }
            assertThat(set.size()).isEqualTo(expected.size());
            for (int i = 0; i < 500; i++) {
                long pid = 1000 + random.nextInt(600);
                assertThat(set.contains(pid)).isEqualTo(expected.contains(pid));
            }
        }
    }

    @Test
    void pidsOfAnEarlierRoundAreNotInTheSetAfterClearEvenAfterGrowing() {
        PidSet set = new PidSet(4);
        for (long pid = 1; pid <= 100; pid++) {
            set.add(pid);
        }
        set.clear();
        set.add(7);
        for (long pid = 1000; pid < 1100; pid++) { // grows with a stale round's slots in the arrays
            set.add(pid);
        }
        assertThat(set.contains(7)).isTrue();
        assertThat(set.contains(8)).isFalse();
        assertThat(set.size()).isEqualTo(101);
    }
}
