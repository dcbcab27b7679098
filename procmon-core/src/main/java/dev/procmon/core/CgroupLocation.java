package dev.procmon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the memory controller's files of a process's cgroup are, found once from
 * {@code /proc/<pid>/cgroup} (the process's cgroup paths) and {@code /proc/self/mountinfo} (where
 * each hierarchy is mounted here): the cgroup v2 directory if it has the memory files, else the v1
 * memory hierarchy's.
 *
 * @param dir the cgroup's directory
 * @param v2 true for cgroup v2 file names
 */
record CgroupLocation(Path dir, boolean v2) {

    /**
     * Returns the location, or null when there is no readable memory cgroup.
     * @param processDir {@code /proc/<pid>}; {@code self/mountinfo} is read beside it
     * @param fsRoot prefix of the mount points ({@code /}, or a fake tree in tests)
     */
    static @Nullable CgroupLocation find(Path processDir, Path fsRoot) {
        List<String> cgroups;
        List<String> mounts;
        try {
            cgroups = Files.readAllLines(processDir.resolve("cgroup"), StandardCharsets.UTF_8);
            mounts = Files.readAllLines(processDir.resolveSibling("self").resolve("mountinfo"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String v2Path = null;
        String v1Path = null;
        for (String line : cgroups) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2Path = f[2];
            } else if (Arrays.asList(f[1].split(",")).contains("memory")) {
                v1Path = f[2];
            }
        }
        CgroupLocation v2 = locate(mounts, fsRoot, v2Path, true);
        if (v2 != null && Files.isReadable(v2.dir.resolve("memory.max"))) {
            return v2;
        }
        CgroupLocation v1 = locate(mounts, fsRoot, v1Path, false);
        return v1 != null && Files.isReadable(v1.dir.resolve("memory.limit_in_bytes")) ? v1 : null;
    }

    /** The directory of {@code cgroupPath} under the mount of its hierarchy, or null. */
    private static @Nullable CgroupLocation locate(
            List<String> mounts, Path fsRoot, @Nullable String cgroupPath, boolean v2) {
        if (cgroupPath == null) {
            return null;
        }
        for (String line : mounts) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] left = line.substring(0, dash).split(" ", -1);
            String[] right = line.substring(dash + 3).split(" ", -1);
            if (left.length < 5 || right.length < 3) {
                continue;
            }
            boolean match = v2
                    ? right[0].equals("cgroup2")
                    : right[0].equals("cgroup")
                            && Arrays.asList(right[2].split(",")).contains("memory");
            if (!match) {
                continue;
            }
            String root = left[3];
            String relative;
            if (root.equals("/")) {
                relative = cgroupPath;
            } else if (cgroupPath.equals(root) || cgroupPath.startsWith(root + "/")) {
                relative = cgroupPath.substring(root.length());
            } else {
                continue; // this mount does not show the process's cgroup
            }
            Path dir = fsRoot.resolve(left[4].substring(1));
            String rel = relative.startsWith("/") ? relative.substring(1) : relative;
            return new CgroupLocation(rel.isEmpty() ? dir : dir.resolve(rel), v2);
        }
        return null;
    }
}
