package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The children counters a reaped child's totals come from (the real child: {@link ReapedChildSamplerIT}). */
class ReapedChildSamplerTest {

    @TempDir
    Path dir;

    @Test
    void childCountersAreReadFromTheFieldsAfterTheLastParenthesis() throws Exception {
        Path stat = dir.resolve("stat");
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // ...
        Files.writeString(stat, "42 (a) b) (c) S 1 42 42 0 -1 4194560 100 7 3 2 50 60 70 80 20 0 1 0 9 10 11\n");
        assertThat(ChildCounters.read(stat)).isEqualTo(new ChildCounters(70, 80, 7, 2));
        Files.writeString(stat, "42 (a) S 1 2\n");
        assertThatThrownBy(() -> ChildCounters.read(stat))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(stat.toString());
    }
}
