package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long table is formatted in chunks on two threads: rows and labels stay in order and in place. */
class DatWriterTest {

    @TempDir
    Path dir;

    @Test
    void chunksKeepEveryRowAndLabelInItsPlace() throws Exception {
        int n = 3 * DatWriter.CHUNK + 7;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean labelled = i % DatWriter.CHUNK == 0 || i % DatWriter.CHUNK == DatWriter.CHUNK - 1 || i % 1000 == 3;
            lines.add(LogLines.sample(8, (i + 1) * 0.5, 1L << 20, i * 0.01, labelled ? "row " + i : null));
        }
        Path log = Files.write(dir.resolve("long.log"), lines);

        LogPlotter.plot(List.of(log), dir, PlotOptions.defaults().withFormats(Set.of()));

        List<String> rows = Files.readAllLines(dir.resolve("long.log_8.dat")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(rows).hasSize(n);
        for (int i = 0; i < n; i++) {
            String row = rows.get(i);
            assertThat(row).as("row " + i).startsWith(DecimalText.format((i + 1) * 0.5, 6) + " ");
            boolean labelled = i % DatWriter.CHUNK == 0 || i % DatWriter.CHUNK == DatWriter.CHUNK - 1 || i % 1000 == 3;
            if (labelled) {
                assertThat(row).endsWith(" # row " + i);
            } else {
                assertThat(row).doesNotContain("#");
            }
        }
    }
}
