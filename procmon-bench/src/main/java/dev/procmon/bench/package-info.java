/** Benchmarks and timing runs that use only procmon's public API (those that need internals live in their packages). */
package dev.procmon.bench;
