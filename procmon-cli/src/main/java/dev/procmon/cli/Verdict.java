package dev.procmon.cli;

/**
 * The outcome of one budget (or one baseline comparison) on one run.
 *
 * @param run which run, e.g. {@code app.log pid 4242}
 * @param name what was checked, e.g. {@code peak RSS <= 300.0 MiB}
 * @param status pass, fail, or error (the log lacks the value)
 * @param budget the limit (NaN for an error)
 * @param measured the value found (NaN for an error)
 * @param bytes whether budget and measured are bytes (else seconds)
 * @param message the line printed for a failure or an error; for a pass, the figure and where
 */
record Verdict(String run, String name, Status status, double budget, double measured, boolean bytes, String message) {

    enum Status {
        PASS,
        FAIL,
        ERROR
    }
}
