# The JVM options procmon runs with, per command: sourced by the procmon launcher and by bench/run
# (so the benchmarks time what users run). Figures in bench/RESULTS.md; rerun with bench/run.
#
#   -XX:TieredStopAtLevel=1  C1 only, for every command. A recording or a --version does little
#                            work; and a plot, however long its log, is a one-shot run whose hot loops
#                            C1 compiles at once: C2's compile threads cost more CPU than their code
#                            saves. Measured on 1,000,000 and 3,000,000 samples (364 MB, 1.1 GB logs):
#                            CPU 2.1-2.3 s against 4.1-4.5 s with C2, and 4.8 s against 6.2 s.
#   -XX:+UseSerialGC         one GC thread for every command but plot, demo, check, export, which read
#                            large logs on every core and keep G1.
#   -XX:-UsePerfData         no hsperfdata file to create and update.
#   the class-data archive   (the launcher's -XX:SharedArchiveFile, every command) is dumped by a JVM
#                            with these options, C1 only: one dumped by a JVM with C2 left Java2D's
#                            Marlin renderer interpreted in a C1 JVM (Renderer._endRendering was never
#                            compiled): a plot of 1,000,000 samples took 5.3-5.6 s of CPU instead of
#                            2.0 s, one of 36,000 samples 3.3 s instead of 0.5 s with a C1-dumped one.
procmon_jvm_options() {
  local opts=(-XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1)
  case "${1:-}" in
    plot|demo|check|export) ;;
    *) opts+=(-XX:+UseSerialGC) ;;
  esac
  printf '%s\n' "${opts[@]}"
}
