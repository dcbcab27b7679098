package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemberTableTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsRemovesAndEvictions() {
        Random random = new Random(11);
        MemberTable table = new MemberTable();
        Map<Long, TreeMember> expected = new HashMap<>();
        for (int stamp = 1; stamp <= 400; stamp++) {
            for (int i = random.nextInt(60); i > 0; i--) {
                long pid = 300 + random.nextInt(200);
                TreeMember m = table.get(pid);
                assertThat(m).isSameAs(expected.get(pid));
                if (m == null) {
                    m = new TreeMember(pid, null);
                    table.put(m);
                    expected.put(pid, m);
                }
                if (random.nextInt(5) > 0) {
                    m.lastSeen = stamp;
                }
            }
            for (int i = random.nextInt(5); i > 0; i--) {
                long pid = 300 + random.nextInt(200);
                table.remove(pid);
                expected.remove(pid);
            }
            int current = stamp;
            if (stamp % 7 == 0) {
                table.evictUnseen(current);
                expected.values().removeIf(m -> m.lastSeen != current);
            }
            assertThat(table.size()).isEqualTo(expected.size());
            for (long pid = 300; pid < 500; pid++) {
                assertThat(table.get(pid)).isSameAs(expected.get(pid));
            }
        }
    }

    @Test
    void evictingEveryOtherMemberOfOneProbeRunKeepsTheRestReachable() {
        MemberTable table = new MemberTable();
        for (long pid = 1; pid <= 7; pid++) { // 7 of 16 slots: runs of probes wrap and interleave
            TreeMember m = new TreeMember(pid * 16, null);
            m.lastSeen = (int) (pid % 2);
            table.put(m);
        }
        table.evictUnseen(1);
        assertThat(table.size()).isEqualTo(4);
        for (long pid = 1; pid <= 7; pid++) {
            assertThat(table.get(pid * 16) != null).as("pid %d", pid * 16).isEqualTo(pid % 2 == 1);
        }
    }
}
