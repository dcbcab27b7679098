package dev.procmon.plot;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the fixture logs under {@code src/test/resources/logs}. */
final class Fixtures {

    private Fixtures() {}

    static Path log(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/logs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
