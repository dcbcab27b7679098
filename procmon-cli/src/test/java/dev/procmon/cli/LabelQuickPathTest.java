package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code procmon label}'s start without picocli takes the two plain forms only, with the same answers. */
class LabelQuickPathTest {

    private final StringWriter err = new StringWriter();

    private Integer quick(String... args) {
        return LabelCommand.quick(args, new PrintWriter(err, true));
    }

    @Test
    void thePlainFormsAreAnsweredAsPicocliWould() {
        assertThat(quick("label", "--pid", "999999999", "linking")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("procmon label: no process with pid 999999999\n");
    }

    @Test
    void everyOtherFormIsLeftToPicocli() {
        assertThat(quick("label", "--help")).isNull();
        assertThat(quick("label", "--pid", "0", "x")).isNull();
        assertThat(quick("label", "--pid", "abc", "x")).isNull();
        assertThat(quick("label", " ")).isNull();
        assertThat(quick("label", "-x")).isNull();
        assertThat(quick("label", "a", "b")).isNull();
        assertThat(err.toString()).isEmpty();
    }
}
