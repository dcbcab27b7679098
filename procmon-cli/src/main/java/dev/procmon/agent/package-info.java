/**
 * procmon.jar as a Java agent ({@code -javaagent:procmon.jar=interval=0.5,file=app.log}, or loaded by
 * {@code procmon attach --agent}): starts a {@link dev.procmon.core.ProcessMonitor} of the JVM it runs
 * in. Uses procmon-core only; everything else in procmon.jar is relocated under
 * {@code dev.procmon.shaded}, so nothing here can clash with the application's own libraries.
 */
package dev.procmon.agent;
