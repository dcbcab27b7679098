package dev.procmon.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The directory holding the label sockets of one user: {@code <java.io.tmpdir>/procmon-<user>},
 * mode 0700, owned by that user. Only the user can enter it, so only the user can reach a socket in
 * it; a directory planted by someone else (other owner, a link, group or world access) is refused,
 * by the recording that would bind in it and by the sender that would connect through it.
 */
final class LabelDirectory {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private LabelDirectory() {}

    /** This user's name, as the JDK has it from the operating system's user database. */
    static String user() {
        return System.getProperty("user.name", "unknown");
    }

    static Path path() {
        String safe = user().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp")).resolve("procmon-" + safe);
    }

    /** The directory, created private if missing. */
    static Path create() throws IOException {
        Path dir = path();
        try {
            Files.createDirectory(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException exists) {
            // Checked below like any other.
        } catch (UnsupportedOperationException noPosix) {
            throw new IOException("label sockets need a POSIX file system", noPosix);
        }
        return check(dir);
    }

    /** The directory, refused unless it is a real directory, ours, and closed to everyone else. */
    static Path check(Path dir) throws IOException {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException noPosix) {
            throw new IOException("label sockets need a POSIX file system", noPosix);
        }
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        if (!a.owner().getName().equals(user())) {
            throw new IOException(dir + " belongs to " + a.owner().getName() + ", not to " + user());
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(a.permissions());
        open.retainAll(GROUP_OR_OTHER);
        if (!open.isEmpty()) {
            throw new IOException(
                    dir + " is open to other users (" + PosixFilePermissions.toString(a.permissions()) + ")");
        }
        return dir;
    }
}
