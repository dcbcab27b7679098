#!/usr/bin/env python3
"""Issue 10: are the demo's numbers physically possible? For each demo log given, the largest
instantaneous CPU between consecutive samples as a fraction of cores x 100 % (CPU = user + system +
children's, as the plot counts it), and the largest gap between samples as a multiple of the interval.

Usage: demo_truth.py INTERVAL_SECONDS LOG...   Prints one row per log and the worst of each.
"""
import json
import os
import sys

MARKER = "ProcessLoggingThread-JSON"


def samples(log):
    for line in open(log, encoding="ascii", errors="replace"):
        i = line.find(MARKER)
        if i < 0:
            continue
        j = line.find("{", i)
        try:
            d = json.loads(line[j:])
        except ValueError:
            continue
        cpu = sum(v for v in (d.get("cpu_times") or {}).values() if isinstance(v, (int, float)))
        yield d["elapsed_time"], cpu


def main():
    interval = float(sys.argv[1])
    cores = os.cpu_count()
    worst_cpu = worst_gap = 0.0
    for log in sys.argv[2:]:
        prev = None
        max_cpu = max_gap = 0.0
        for t, cpu in samples(log):
            if prev is not None and t > prev[0]:
                dt = t - prev[0]
                max_cpu = max(max_cpu, (cpu - prev[1]) / dt / cores)
                max_gap = max(max_gap, dt / interval)
            if prev is None or t > prev[0]:
                prev = (t, cpu)
        worst_cpu, worst_gap = max(worst_cpu, max_cpu), max(worst_gap, max_gap)
        print(f"| issue 10: demo {os.path.basename(os.path.dirname(log))} | largest instantaneous CPU "
              f"{max_cpu:.2f} x cores x 100 % | largest gap {max_gap:.1f} x interval |")
    print(f"| issue 10: demo, worst of {len(sys.argv) - 2} | {worst_cpu:.2f} x cores x 100 % (possible: <= 1 "
          f"+ one tick per interval) | {worst_gap:.1f} x interval |")


main()
