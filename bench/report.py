#!/usr/bin/env python3
"""Reads what bench/run left in bench/build and prints the issue 7 table.

Every ratio is against a floor or budget from the same run. The machine is shared, so for the
nanosecond figures the ratio compares minimums (the least-disturbed JMH iteration against the
least-disturbed C round); the means/medians are printed beside them for honesty.
"""
import json
import os
import sys

build = sys.argv[1] if len(sys.argv) > 1 else "bench/build"
# A smoke run (bench/run --quick) is too short to judge budgets: it shows values, not verdicts.
quick = "--quick" in sys.argv[2:]


def path(name):
    return os.path.join(build, name)


def read_floor(name):
    out = {}
    with open(path(name)) as f:
        for line in f:
            key, median, minimum = line.split()
            out[key] = (float(median), float(minimum))
    return out


def jmh(name):
    with open(path(name)) as f:
        results = json.load(f)
    out = {}
    for r in results:
        key = r["benchmark"].rsplit(".", 1)[-1]
        pm = r["primaryMetric"]
        raw = [x for fork in pm["rawData"] for x in fork]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        out[key] = {"mean": pm["score"], "min": min(raw), "unit": pm["scoreUnit"], "alloc": alloc}
    return out


def jline(name):
    with open(path(name)) as f:
        return [json.loads(line) for line in f if line.strip()]


rows = []


def row(figure, value, floor, ratio, verdict=""):
    rows.append((figure, value, floor, ratio, verdict))


def ok(flag):
    return "met" if flag else "MISSED"


# -- item 1: sample cost
before, after = read_floor("floor-before.txt"), read_floor("floor-after.txt")
threads = read_floor("floor-threads.txt")
kept_min = min(before["pread_kept_open"][1], after["pread_kept_open"][1])
kept_med = (before["pread_kept_open"][0] + after["pread_kept_open"][0]) / 2
orc_min = min(before["open_read_close"][1], after["open_read_close"][1])
s = jmh("jmh-sample.json")

row("C floor: open/read/close /proc/self/stat", f"{orc_min:.0f} ns (median {before['open_read_close'][0]:.0f})",
    "floor", "")
row("C floor: pread, kept open", f"{kept_min:.0f} ns (median {kept_med:.0f})", "floor", "1.00")
row("C floor: pread, kept open, 20 idle threads", f"{threads['pread_kept_open'][1]:.0f} ns",
    "(JVM-like thread count)", f"{threads['pread_kept_open'][1] / kept_min:.2f}")


def ns_row(key, figure, budget):
    b = s[key]
    ratio = b["min"] / kept_min
    verdict = "" if budget is None else ok(ratio <= budget)
    row(figure, f"{b['min']:.0f} ns (mean {b['mean']:.0f})",
        "kept-open floor" + ("" if budget is None else f", budget <= {budget}x"), f"{ratio:.2f}", verdict)


ns_row("readParse", "1 /proc/self/stat read + parse", 1.5)
ns_row("fullSample", "1 full sample (read, parse, JVM beans, JSON line)", 2.5)
ns_row("samplerAndFormat", "  sampler + JSON line (no JVM beans)", None)
ns_row("statOnlyAndFormat", "  stat line alone + JSON line (before issue 12's counters)", None)
ns_row("pssSamplerAndFormat", "  sampler with --memory pss + JSON line (opt-in)", None)
# Issue 12: the counters beyond the stat line may cost one more /proc read per sample: the extra ns of
# the default sampler over the stat-only one, in units of one /proc/self/stat read + parse (readParse),
# both against the C floor of this run.
extra_ns = s["samplerAndFormat"]["min"] - s["statOnlyAndFormat"]["min"]
extra = extra_ns / s["readParse"]["min"]
row("issue 12: counters' extra cost per sample (io every sample; status, fd count, cgroup every 10th)",
    f"{extra_ns:.0f} ns = {extra_ns / kept_min:.2f}x kept-open floor",
    "budget <= 1 /proc read (readParse)", f"{extra:.2f}", ok(extra <= 1.0))
ns_row("jvmBeans", "  JVM beans alone", None)
ns_row("formatOnly", "  JSON line alone", None)


for key, figure in (("statLine", "  issue 12 sources: /proc/self/stat (reference)"),
                    ("io", "  /proc/self/io (every sample)"),
                    ("status", "  /proc/self/status, context switches (every 10th)"),
                    ("fdCount", "  stat(/proc/self/fd), descriptor count (every 10th)"),
                    ("cgroup", "  cgroup memory max + current, two reads (every 10th)"),
                    ("smapsRollup", "  /proc/self/smaps_rollup, PSS/USS (--memory pss only)")):
    if key in s:
        ns_row(key, figure, None)


def alloc_row(key, figure, budget_zero):
    a = s[key]["alloc"]
    if a is None:
        row(figure, "n/a (no -prof gc)", "", "")
        return
    verdict = ok(a < 0.5) if budget_zero else "reported"
    row(figure, f"{a:.2f} B/op", "budget 0 B/op" if budget_zero else "by design", "", verdict)


alloc_row("samplerAndFormat", "alloc: sampler + formatter", True)
alloc_row("readParse", "alloc: /proc read + parse", True)
alloc_row("statOnlyAndFormat", "alloc: stat line alone + formatter", True)
alloc_row("pssSamplerAndFormat", "alloc: sampler with PSS + formatter", True)
alloc_row("formatOnly", "alloc: JSON line", True)
alloc_row("jvmBeans", "alloc: JVM beans (non-heap MemoryUsage)", False)
alloc_row("fullSample", "alloc: full sample", False)
for key, figure in (("fileSink", "sink: file (one write to /dev/null)"),
                    ("slf4jLogback", "sink: SLF4J -> logback, pattern layout, null stream")):
    b = s[key]
    row(figure, f"{b['min']:.0f} ns (mean {b['mean']:.0f}), {b['alloc']:.0f} B/op",
        "logging backend, reported apart", f"{b['min'] / kept_min:.2f}", "reported")

# -- item 2: overhead
over = {o["interval_ms"]: o for o in jline("overhead.json")}
noise = over[0]["noise_pct"]
cpu_noise = over[0]["work_cpu_noise_pct"]
row("workload alone (CPU-bound, median wall)", f"{over[0]['work_wall_s']:.3f} s",
    f"noise (max-min)/median: wall {noise:.2f}%, thread CPU {cpu_noise:.2f}%", "", f"{over[0]['rounds']} rounds")


def judged(value, budget, noise_pct):
    """met / MISSED against the budget; a miss inside the run's own noise cannot be told from noise."""
    if value < budget:
        return "met"
    return f"inconclusive (noise {noise_pct:.1f}%)" if value <= noise_pct else "MISSED"


for ms in (1000, 100, 10):
    o = over[ms]
    for key, what, nz in (("slowdown_pct", "wall", noise), ("work_cpu_slowdown_pct", "workload thread CPU time", cpu_noise)):
        value = o[key]
        if ms == 1000:
            budget, label = max(nz, 0.01), f"budget: below noise ({nz:.2f}%)"
            verdict = ok(value <= budget)
        elif ms == 10:
            budget, label = 1.0, "budget < 1%"
            verdict = judged(value, budget, nz)
        else:
            budget, label, verdict = None, f"noise {nz:.2f}%", ""
        row(f"slowdown at {ms / 1000:g} s, {what}", f"{value:+.2f}%", label,
            f"{value / budget:+.2f}" if budget else "", verdict)
    row(f"ProcMon thread CPU at {ms / 1000:g} s", f"{o['monitor_cpu_pct_of_wall']:.3f}% of wall"
        f" ({o['monitor_cpu_us_per_tick']:.0f} us/tick)", "< 1% (upper bound on slowdown)" if ms == 10 else "",
        f"{o['monitor_cpu_pct_of_wall']:.3f}" if ms == 10 else "",
        ok(o["monitor_cpu_pct_of_wall"] < 1.0) if ms == 10 else "")

# -- item 3: timing
t = jline("timing.json")[0]
interval_us = t["interval_ms"] * 1000
row(f"lateness p50 ({t['samples']} samples at {t['interval_ms']} ms)", f"{t['p50_late_us']:.0f} us",
    "interval", f"{t['p50_late_us'] / interval_us:.3f}")
row("lateness p99", f"{t['p99_late_us']:.0f} us (max {t['max_late_us']:.0f})", "interval",
    f"{t['p99_late_us'] / interval_us:.3f}")
row("drift: last sample vs its instant (start + n x interval)", f"{t['drift_us']:.0f} us",
    f"no accumulation: <= p99 + 1 ms; fixed-delay would be {t['fixed_delay_drift_us'] / 1000:.0f} ms",
    f"{t['drift_us'] / interval_us:.3f} (of interval)", ok(t["drift_us"] <= t["p99_late_us"] + 1000))
row("instants skipped (a sample > 1 interval late)", f"{t['skipped_slots']}",
    f"last - (start + n x interval) = {t['last_minus_start_plus_n_intervals_us'] / 1000:.1f} ms", "", "reported")

# -- item 4: parsing
gen = jline("parse-log.json")[0]
p = jmh("jmh-parse.json")
mb = gen["bytes"] / 1e6
split, extract = p["splitLines"], p["extractTables"]
split_best, extract_best = mb / (split["min"] / 1000), mb / (extract["min"] / 1000)
row(f"floor: split {mb:.0f} MB log into lines ({gen['samples']} samples in {gen['lines']} lines)",
    f"{split_best:.0f} MB/s (mean {mb / (split['mean'] / 1000):.0f})", "floor", "1.00")
row("procmon-plot extract into per-process tables (LogReader.read)",
    f"{extract_best:.0f} MB/s (mean {mb / (extract['mean'] / 1000):.0f})", ">= 30% of split floor",
    f"{extract_best / split_best:.2f}", ok(extract_best / split_best >= 0.30))

# -- item 5: end to end
e2e = jline("e2e-log.json")[0]
run = json.loads(open(path("plot-run.txt")).read().strip().splitlines()[-1])
timev = {}
with open(path("plot-time.txt")) as f:
    for line in f:
        if ":" in line:
            k, v = line.strip().rsplit(": ", 1) if ": " in line else (line, "")
            timev[k.strip()] = v.strip()
wall = timev["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
parts = [float(x) for x in wall.split(":")]
wall_s = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
rss_mb = int(timev["Maximum resident set size (kbytes)"]) / 1024
sizes = {}
with open(path("plot-sizes.txt")) as f:
    for line in f:
        name, size = line.split()
        sizes[os.path.splitext(name)[1]] = int(size)
heap_mb = run["peak_heap_bytes"] / 2 ** 20
label = f"procmon plot, {e2e['samples']} samples ({e2e['bytes'] / 1e6:.0f} MB)"
row(f"{label}: wall", f"{wall_s:.2f} s", "budget < 10 s", f"{wall_s / 10:.2f}", ok(wall_s < 10 and run["exit"] == 0))
row(f"{label}: peak heap (sum of pool peaks)", f"{heap_mb:.0f} MB", "budget < 1024 MB", f"{heap_mb / 1024:.2f}",
    ok(heap_mb < 1024))
row(f"{label}: peak RSS, whole process", f"{rss_mb:.0f} MB", "(reported)", "", "reported")
row(f"{label}: SVG size", f"{sizes['.svg'] / 1024:.0f} KB", "budget < 1024 KB", f"{sizes['.svg'] / 2 ** 20:.2f}",
    ok(sizes[".svg"] < 2 ** 20))
row(f"{label}: PNG size", f"{sizes['.png'] / 1024:.0f} KB", "budget < 500 KB", f"{sizes['.png'] / 512000:.2f}",
    ok(sizes[".png"] < 512000))

# -- issue 14: the HTML report
walls = {}
with open(path("html-walls.txt")) as f:
    for line in f:
        parts = line.split()
        if len(parts) == 2 and not parts[0].startswith("Command"):
            walls.setdefault(parts[0], []).append(float(parts[1]))
without, with_html = min(walls["svg,png"]), min(walls["svg,png,html"])
with open(path("html-size.txt")) as f:
    html_bytes = int(f.read().split()[1])
hl = f"HTML report, {e2e['samples']} samples"
row(f"{hl}: size", f"{html_bytes / 2 ** 20:.2f} MB", "budget <= 3 MB", f"{html_bytes / 3 / 2 ** 20:.2f}",
    ok(html_bytes <= 3 * 2 ** 20))
row(f"{hl}: procmon plot svg,png,html vs svg,png (min of {len(walls['svg,png'])} each)",
    f"{with_html:.2f} s vs {without:.2f} s", "budget +20 %", f"{with_html / without:.2f}",
    ok(with_html <= without * 1.2))
timings = jline("html-timing.jsonl")
if timings and "skipped" in timings[0]:
    row(f"{hl}: first chart in headless Chromium", timings[0]["skipped"], "", "", "not measured")
else:
    small, big = timings[0], timings[-1]
    row(f"HTML report, {small['samples']} samples: first chart (performance.now(), median)",
        f"{small['first_chart_ms']:.0f} ms {small['first_chart_ms_all']}", "(reference)", "", "reported")
    row(f"{hl}: first chart (performance.now(), median)",
        f"{big['first_chart_ms']:.0f} ms {big['first_chart_ms_all']}", "budget < 1000 ms",
        f"{big['first_chart_ms'] / 1000:.2f}",
        ok(big["first_chart_ms"] < 1000 and not big["error"] and big["console_messages"] == 0))

# -- item 6: other processes
ns_row("childSample", "ProcStatSampler sample of a child pid", None)
f50 = s["fiftyChildrenStat"]
row("read + parse /proc/<pid>/stat, 50 children, kept open",
    f"{f50['min'] / 1000:.1f} us ({f50['min'] / 50:.0f} ns/pid)",
    "50 x kept-open floor", f"{f50['min'] / (50 * kept_min):.2f}")
with open(path("procs.txt")) as f:
    procs = int(f.read().strip())
t51 = s["treeOf51"]
row(f"ProcessTreeSampler, tree of 51 ({procs} processes on the machine, not read)",
    f"{t51['min'] / 1000:.0f} us ({t51['min'] / 51 / 1000:.1f} us/member), {t51['alloc']:.0f} B/op",
    "51 x open/read/close floor", f"{t51['min'] / (51 * orc_min):.2f}")

w = [max(len(r[i]) for r in rows + [("figure", "value", "floor / budget", "ratio", "verdict")]) for i in range(5)]
header = ("figure", "value", "floor / budget", "ratio", "verdict")
if quick:
    rows = [(f, v, fl, ra, "not judged (smoke run)" if ve else "") for f, v, fl, ra, ve in rows]
print()
print("Ratios are against floors/budgets measured in this same run on a shared machine; ns ratios are min/min.")
for r in [header, tuple("-" * n for n in w)] + rows:
    print(" | ".join(c.ljust(n) for c, n in zip(r, w)).rstrip())
