/**
 * The {@code procmon} command line: {@code plot} turns logs into pictures, {@code record} watches
 * another process, {@code demo} records itself allocating memory and plots the result. Built with
 * picocli into a runnable jar; Logback is the logging backend here and only here.
 */
package dev.procmon.cli;
