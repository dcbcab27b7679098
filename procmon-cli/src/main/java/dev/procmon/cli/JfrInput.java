package dev.procmon.cli;

import dev.procmon.core.JfrLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of {@code procmon plot} with every JDK Flight Recorder file among them converted into a
 * procmon log of the same name in a private temporary directory, so the rest of plotting reads logs
 * only (issue 15). Says for each recording what it lacked. Closing removes the temporary logs.
 */
final class JfrInput implements AutoCloseable {

    /** GC pauses at least this long become labels. */
    static final Duration PAUSE_LABEL = Duration.ofMillis(20);

    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private final List<Path> logs;
    private final @Nullable Path temporary;

    private JfrInput(List<Path> logs, @Nullable Path temporary) {
        this.logs = logs;
        this.temporary = temporary;
    }

    static JfrInput of(List<Path> inputs, PrintWriter out) throws IOException {
        if (inputs.stream().noneMatch(JfrInput::isJfr)) {
            return new JfrInput(inputs, null);
        }
        Path temporary = Files.createTempDirectory("procmon-jfr-");
        JfrInput input = new JfrInput(new ArrayList<>(), temporary);
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Path in = inputs.get(i);
                input.logs.add(
                        isJfr(in)
                                ? convert(in, Files.createDirectory(temporary.resolve(Integer.toString(i))), out)
                                : in);
            }
            return input;
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static Path convert(Path jfr, Path directory, PrintWriter out) throws IOException {
        Path log = directory.resolve(jfr.getFileName());
        JfrLog.Conversion c;
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.US_ASCII)) {
            c = JfrLog.convert(jfr, w, PAUSE_LABEL);
        } catch (IOException | RuntimeException e) {
            throw new IOException(jfr + ": not a readable JFR recording (" + ErrorMessage.of(e) + ")", e);
        }
        out.println(jfr + ": " + JfrLog.describe(c));
        return log;
    }

    /** Whether the file starts as a JFR recording does; unreadable files are left to the log reader. */
    static boolean isJfr(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    List<Path> logs() {
        return logs;
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporary)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary log is not worth failing the plot.
        }
    }
}
