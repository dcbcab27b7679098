package dev.procmon.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The address text of {@link ProcessMonitor.Builder#prometheus}: {@code HOST:PORT}, {@code [::1]:PORT}
 * or a bare {@code PORT}, which binds the loopback address only. One parser for the command line's
 * {@code --prometheus} and the agent's {@code prometheus=}, so that both accept the same text.
 */
public final class ListenAddress {

    private ListenAddress() {}

    /**
     * Parses {@code [HOST:]PORT}, resolving the host.
     *
     * @throws IllegalArgumentException with one line naming what is wrong: not {@code [HOST:]PORT}, a
     *     port outside 0 to 65535, or a host that does not resolve
     */
    public static InetSocketAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not [HOST:]PORT");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        return address;
    }
}
