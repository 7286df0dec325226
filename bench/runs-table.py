"""Prints, as a Markdown table, figures a benchmark wrote one per line as "name|run|value": a column
per run and their median (of the values that are numbers; "-" when none is). Rows keep the order in
which their names first appear. Used by bench/startup/run.sh and bench/memory/run.sh.
Usage: python3 bench/runs-table.py RESULTS RUNS [FIRST-COLUMN-TITLE]"""
import statistics
import sys


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


rows, order = {}, []
for line in open(sys.argv[1]):
    name, run, value = line.rstrip("\n").split("|")
    if name not in rows:
        rows[name] = {}
        order.append(name)
    rows[name][int(run)] = value
runs = int(sys.argv[2])
title = sys.argv[3] if len(sys.argv) > 3 else ""
print(f"| {title} | " + " | ".join(f"run {r}" for r in range(1, runs + 1)) + " | median |")
print("|---|" + "---:|" * (runs + 1))
for name in order:
    values = [rows[name].get(r, "-") for r in range(1, runs + 1)]
    numbers = [n for n in map(number, values) if n is not None]
    median = f"{statistics.median(numbers):g}" if numbers else "-"
    print(f"| {name} | " + " | ".join(values) + f" | {median} |")
