package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup memory limit and usage: fake v1, v2 and hybrid trees, and this machine's own. */
class CgroupMemoryTest {

    @TempDir
    Path root;

    private Path proc(String cgroup, String mountinfo) throws IOException {
        Path pid = Files.createDirectories(root.resolve("proc/42"));
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(pid.resolve("cgroup"), cgroup);
        Files.writeString(root.resolve("proc/self/mountinfo"), mountinfo);
        return pid;
    }

    private void files(String dir, String max, String maxValue, String current, String currentValue)
            throws IOException {
        Path d = Files.createDirectories(root.resolve(dir));
        Files.writeString(d.resolve(max), maxValue);
        Files.writeString(d.resolve(current), currentValue);
    }

    private static ProcessReading read(CgroupMemory m) throws IOException {
        ProcessReading s = new ProcessReading();
        s.clear();
        m.read(s);
        m.close();
        return s;
    }

    private static final String V2_MOUNT = "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n";
    private static final String V1_MOUNTS = "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
            + "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

    @Test
    void cgroupV2LimitAndCurrent() throws IOException {
        Path pid = proc("0::/system.slice/build.service\n", V2_MOUNT);
        files("sys/fs/cgroup/system.slice/build.service", "memory.max", "536870912\n", "memory.current", "104857600\n");
        ProcessReading s = read(CgroupMemory.open(pid, root));
        assertThat(s.cgroupMemoryMax).isEqualTo(536870912);
        assertThat(s.cgroupMemoryCurrent).isEqualTo(104857600);
    }

    @Test
    void cgroupV2WithoutALimitLeavesTheLimitOut() throws IOException {
        Path pid = proc("0::/user.slice\n", V2_MOUNT);
        files("sys/fs/cgroup/user.slice", "memory.max", "max\n", "memory.current", "4096\n");
        ProcessReading s = read(CgroupMemory.open(pid, root));
        assertThat(s.cgroupMemoryMax).isEqualTo(ProcessReading.UNKNOWN);
        assertThat(s.cgroupMemoryCurrent).isEqualTo(4096);
    }

    @Test
    void cgroupV1WhenTheUnifiedHierarchyHasNoMemoryFiles() throws IOException {
        Path pid = proc("4:memory:/process_api/abc\n1:cpu:/\n0::/\n", V1_MOUNTS);
        Files.createDirectories(root.resolve("sys/fs/cgroup/unified"));
        files(
                "sys/fs/cgroup/memory/process_api/abc",
                "memory.limit_in_bytes",
                "9223372036854771712\n",
                "memory.usage_in_bytes",
                "4506726400\n");
        ProcessReading s = read(CgroupMemory.open(pid, root));
        assertThat(s.cgroupMemoryMax).as("v1's 'unlimited'").isEqualTo(ProcessReading.UNKNOWN);
        assertThat(s.cgroupMemoryCurrent).isEqualTo(4506726400L);

        Files.writeString(root.resolve("sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes"), "1073741824\n");
        assertThat(read(CgroupMemory.open(pid, root)).cgroupMemoryMax).isEqualTo(1073741824L);
    }

    @Test
    void aMountOfAnotherPartOfTheHierarchyIsResolvedAgainstItsRoot() throws IOException {
        Path pid =
                proc("0::/kubepods/pod1/ctr\n", "30 23 0:26 /kubepods/pod1 /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        files("sys/fs/cgroup/ctr", "memory.max", "268435456\n", "memory.current", "1024\n");
        assertThat(read(CgroupMemory.open(pid, root)).cgroupMemoryMax).isEqualTo(268435456L);
    }

    @Test
    void noMemoryCgroupMeansNoReader() throws IOException {
        Path pid = proc("1:cpu:/\n", "35 31 0:32 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n");
        assertThat(CgroupMemory.open(pid, root)).isNull();
        assertThat(CgroupMemory.open(root.resolve("proc/43"), root)).isNull();
    }

    @Test
    void thisMachinesOwnCgroupIsFound() throws IOException {
        Path self = Path.of("/proc", Long.toString(ProcessHandle.current().pid()));
        CgroupLocation at = CgroupLocation.find(self, Path.of("/"));
        assertThat(at).as("this process has a memory cgroup (v1 or v2)").isNotNull();
        ProcessReading s = read(CgroupMemory.open(self, Path.of("/")));
        assertThat(s.cgroupMemoryCurrent).isPositive();
    }
}
