/**
 * procmon's in-process monitor: {@link dev.procmon.core.ProcessMonitor} and the log schema. It needs
 * nothing but SLF4J's API; the JDK modules below are all in a standard runtime.
 */
module dev.procmon.core {
    // Level and MBeanServerConnection appear in ProcessMonitor.Builder's public methods.
    requires transitive org.slf4j;
    requires transitive java.management;
    // com.sun.management.OperatingSystemMXBean: the process CPU time where there is no /proc.
    requires jdk.management;
    // Reading JFR recordings into log lines (JfrLog).
    requires jdk.jfr;
    // The Prometheus endpoint (MetricsEndpoint).
    requires jdk.httpserver;
    // The label socket's peer credentials (jdk.net.ExtendedSocketOptions.SO_PEERCRED).
    requires jdk.net;
    // @Nullable in the public API: for compilers and readers, not needed at run time.
    requires static transitive org.jspecify;

    exports dev.procmon.core;
}
