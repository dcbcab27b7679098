package dev.procmon.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A running JVM of this user, reached through the JDK's attach mechanism. Checked from /proc first:
 * HotSpot's attach sends SIGQUIT to wake the target, which would end a process that is not a JVM or
 * a JVM started with {@code -Xrs}, so neither is ever attached to.
 */
final class JvmTarget {

    /** SIGQUIT's bit in /proc/PID/status's SigCgt mask. */
    private static final long SIGQUIT_BIT = 1L << (3 - 1);

    private final long pid;

    private JvmTarget(long pid) {
        this.pid = pid;
    }

    /**
     * The target, checked.
     *
     * @throws IOException whose message is the one line the user sees
     */
    static JvmTarget check(Path procRoot, long pid) throws IOException {
        Path dir = procRoot.resolve(Long.toString(pid));
        if (ProcessHandle.of(pid).isEmpty() || !Files.isDirectory(dir)) {
            throw new IOException("no process with pid " + pid);
        }
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new IOException("pid " + pid + " belongs to " + owner
                    + ": attach works with your own JVMs only (you are " + me + ")");
        }
        String maps;
        String status;
        try {
            maps = Files.readString(dir.resolve("maps"), StandardCharsets.ISO_8859_1);
            status = Files.readString(dir.resolve("status"), StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            throw new IOException("no process with pid " + pid);
        }
        if (!maps.contains("/libjvm.so")) {
            throw new IOException("pid " + pid + " is not a Java VM (no libjvm.so in its memory map)");
        }
        if ((sigCgt(status) & SIGQUIT_BIT) == 0) {
            throw new IOException(
                    "pid " + pid + " does not take attach requests (started with -Xrs, or still starting)");
        }
        return new JvmTarget(pid);
    }

    private static long sigCgt(String status) {
        for (String line : status.split("\n", -1)) {
            if (line.startsWith("SigCgt:")) {
                return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        return 0;
    }

    long pid() {
        return pid;
    }

    /** Starts the target's local management agent (if not running) and connects to it over JMX. */
    JMXConnector connectJmx() throws IOException {
        VirtualMachine vm = attach();
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        // BanJNDI: the address is the local management agent of a JVM the user owns and named (attach
        // requires the same user); procmon connects to nothing else.
        @SuppressWarnings("BanJNDI")
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        return connector;
    }

    /** Loads a Java agent jar into the target with the given options. */
    void loadAgent(Path jar, String options) throws IOException {
        VirtualMachine vm = attach();
        try {
            vm.loadAgent(jar.toString(), options);
        } catch (com.sun.tools.attach.AgentLoadException | com.sun.tools.attach.AgentInitializationException e) {
            throw new IOException("pid " + pid + " did not load " + jar + ": " + e.getMessage(), e);
        } finally {
            vm.detach();
        }
    }

    private VirtualMachine attach() throws IOException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
    }

    /** procmon.jar, which is also the agent. */
    static Path procmonJar() throws IOException {
        Path p;
        try {
            p = Path.of(JvmTarget.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("--agent: cannot tell where procmon.jar is", e);
        }
        if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            throw new IOException("--agent needs procmon run from procmon.jar (it runs from " + p + ")");
        }
        return p;
    }
}
