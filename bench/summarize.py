#!/usr/bin/env python3
"""Prints the compact summary of one bench/run.sh run.

Reads RESULTS/pipeline.json (Google Benchmark, repetitions with aggregates),
RESULTS/commands.json (hyperfine --export-json) or RESULTS/commands.tsv (name, wall, user,
sys per run, from the fallback loop), RESULTS/rss.tsv (format, jobs, files, max RSS in KiB)
and RESULTS/meta.txt, and checks the targets:
  in-process   median pipeline per seed .txt <= 0.5 ms; per .md <= 1.5x the tree-sitter parse
  command      gklint check -j1 on one core: txt >= 20 MB/s, md >= 8 MB/s (ratio to grep -cP);
               judged on CPU time (user+sys), which a busy machine inflates far less than wall
  gate         gklint check on every core: txt >= 40 MB/s, md >= 25 MB/s; --format json, sarif,
               junit <= 1.15x the text output's time; a one-line report <= 6 ms (medians of wall
               time, gate.tsv)
  memory       max RSS flat (within 10 %) from 500 to 2000 files
Only the Python standard library is used.
"""
import argparse
import collections
import json
import os
import statistics
import sys

TXT_MS = 0.5
MD_X = 1.5
MB_S = {"txt": 20.0, "md": 8.0}


def corpus_bytes(folder):
    total = files = 0
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            total += os.path.getsize(path)
            files += 1
    return total, files


def load_pipeline(path):
    """{(stage, fmt, seed): {"us": median CPU time in µs, counters…}}

    CPU time, because the machines this runs on are shared: wall time grows whenever another
    process has the core. The `ratio` cases time themselves with the thread's CPU clock and
    report it as manual (real) time."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    have_median = any(b.get("aggregate_name") == "median" for b in data["benchmarks"])
    for b in data["benchmarks"]:
        if have_median and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        manual = name.endswith("/manual_time")
        stage, fmt, seed = name.replace("/manual_time", "").split("/")[:3]
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "ns")]
        entry = {"us": (b["real_time"] if manual else b["cpu_time"]) * scale}
        for key in ("bytes", "x_block", "x_full", "read_x_block"):
            if key in b:
                entry[key] = b[key]
        out[(stage, fmt, seed)] = entry
    return out, data.get("context", {})


def fmt_us(v):
    return "%.0f" % v if v >= 100 else "%.1f" % v


def stamp(results_dir, part):
    path = os.path.join(results_dir, part + ".meta")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            print("  " + f.read().strip())


def print_pipeline(results, ok):
    stages = ["decode", "read", "structure", "tables", "lint", "pipeline"]
    for fmt in ("txt", "md"):
        seeds = sorted({s for (_, f, s) in results if f == fmt})
        if not seeds:
            continue
        cols = stages + (["ts-block", "ts-block-inline", "x_block", "x_full", "read_x_block"] if fmt == "md" else [])
        print()
        print("  %-4s %6s " % (fmt, "bytes") + " ".join("%9s" % c.replace("ts-block-inline", "ts-blk+inl") for c in cols))
        sums = collections.defaultdict(list)
        for seed in seeds:
            row = []
            size = next((e["bytes"] for (_, f, sd), e in results.items() if f == fmt and sd == seed and "bytes" in e), 0)
            for c in cols:
                if c.startswith("x_") or c == "read_x_block":
                    v = results.get(("ratio", fmt, seed), {}).get(c)
                    row.append("%9s" % ("%.2f" % v if v is not None else "-"))
                else:
                    v = results.get((c, fmt, seed), {}).get("us")
                    row.append("%9s" % (fmt_us(v) if v is not None else "-"))
                if v is not None:
                    sums[c].append(v)
            print("  %-4s %6d " % (seed, size) + " ".join(row))
        med = []
        for c in cols:
            v = statistics.median(sums[c]) if sums[c] else None
            if v is None:
                med.append("%9s" % "-")
            elif c.startswith("x_") or c == "read_x_block":
                med.append("%9s" % ("%.2f" % v))
            else:
                med.append("%9s" % fmt_us(v))
        print("  %-4s %6s " % ("med", "") + " ".join(med))
        if fmt == "txt" and sums["pipeline"]:
            worst = max(sums["pipeline"])
            good = statistics.median(sums["pipeline"]) <= TXT_MS * 1000
            ok.append(good)
            print("  target: median pipeline per .txt seed <= %.1f ms: %s (median %.3f ms, worst %.3f ms)"
                  % (TXT_MS, "OK" if good else "MISSED", statistics.median(sums["pipeline"]) / 1000, worst / 1000))
        if fmt == "md" and sums["x_block"]:
            for key, what in (("x_full", "block + inline parse"), ("x_block", "block parse alone")):
                good = statistics.median(sums[key]) <= MD_X
                ok.append(good)
                print("  target: median .md pipeline <= %.1fx the tree-sitter %s: %s (median %.2f, worst %.2f)"
                      % (MD_X, what, "OK" if good else "MISSED", statistics.median(sums[key]), max(sums[key])))
    print("  (x_block = pipeline / ts-block, x_full = pipeline / ts-block-inline, read_x_block = readMarkdown /"
          " ts-block; measured interleaved in the `ratio` case)")


def load_commands(results_dir):
    """{name: {"wall": [s…], "cpu": mean user+sys s}}"""
    path = os.path.join(results_dir, "commands.json")
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for r in json.load(f)["results"]:
                out[r["command"]] = {"wall": r["times"], "cpu": r["user"] + r["system"], "tool": "hyperfine"}
        return out
    path = os.path.join(results_dir, "commands.tsv")
    runs = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, wall, user, sys_ = line.rstrip("\n").split("\t")
            runs[name].append((float(wall), float(user) + float(sys_)))
    for name, rs in runs.items():
        out[name] = {"wall": [w for w, _ in rs], "cpu": statistics.mean(c for _, c in rs), "tool": "bash time"}
    return out


def print_commands(commands, corpus, ok):
    print("  %-4s %6s %7s %8s %8s %8s %8s %8s %8s  %s" % ("set", "files", "MB", "wall s", "MB/s", "cpu s", "cpu MB/s",
                                                         "grep s", "x grep", "target (on cpu MB/s)"))
    for fmt in ("txt", "md"):
        g, r = commands.get("gklint " + fmt), commands.get("grep " + fmt)
        if not g:
            continue
        size, files = corpus_bytes(os.path.join(corpus, fmt))
        mb = size / 1e6
        gw = statistics.median(g["wall"])
        rw = statistics.median(r["wall"]) if r else float("nan")
        rate = mb / g["cpu"]
        good = rate >= MB_S[fmt]
        ok.append(good)
        print("  %-4s %6d %7.2f %8.3f %8.2f %8.3f %8.2f %8.3f %8.0f  >= %g MB/s: %s"
              % (fmt, files, mb, gw, mb / gw, g["cpu"], rate, rw, gw / rw, MB_S[fmt], "OK" if good else "MISSED"))
    tool = next(iter(commands.values()))["tool"] if commands else "-"
    runs = len(next(iter(commands.values()))["wall"]) if commands else 0
    print("  (%s, %d runs each; wall = median, cpu = mean user+sys; x grep = gklint wall / grep wall, both"
          " medians of the same run)" % (tool, runs))


def print_rss(path, ok):
    rows = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            fmt, jobs, files, kb = line.split()
            rows[(fmt, jobs)][int(files)] = int(kb)
    sizes = sorted({n for d in rows.values() for n in d})
    print("  %-10s " % "set" + " ".join("%8s" % ("%d" % n) for n in sizes) + "  flat?")
    for (fmt, jobs), d in sorted(rows.items()):
        vals = [d.get(n) for n in sizes]
        present = [v for v in vals if v]
        flat = bool(present) and max(present) <= 1.10 * min(present)
        ok.append(flat)
        print("  %-10s " % ("%s -j%s" % (fmt, jobs)) + " ".join("%8s" % ("%.1f" % (v / 1024) if v else "-") for v in vals)
              + "  " + ("OK" if flat else "GROWS"))


GATE_MB_S = {"txt": 40.0, "md": 25.0}
GATE_FORMAT_X = 1.15
GATE_START_MS = 6.0


def print_gate(path, corpus, ok):
    """gate.tsv: "name #run", wall, user, sys per line; run 0 (the warm-up) is dropped."""
    runs = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            name, run = parts[0].rsplit(" #", 1)
            if run != "0":
                runs[name].append((float(parts[1]), float(parts[2]) + float(parts[3])))
    med = {n: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for n, v in runs.items()}
    print("  %-18s %9s %9s %8s %9s  %s" % ("command", "wall s", "cpu s", "MB/s", "x grep", "target"))
    for fmt in ("txt", "md"):
        name = "gklint %s text" % fmt
        if name not in med:
            continue
        size, _ = corpus_bytes(os.path.join(corpus, fmt))
        wall, cpu = med[name]
        rate = size / 1e6 / wall
        good = rate >= GATE_MB_S[fmt]
        ok.append(good)
        grep = med.get("grep %s" % fmt, (0, 0))[0]
        print("  %-18s %9.3f %9.3f %8.1f %9s  >= %.0f MB/s: %s" % (name, wall, cpu, rate, "%.0f" % (wall / grep) if grep else "-",
                                                              GATE_MB_S[fmt], "OK" if good else "MISSED"))
    text = med.get("gklint txt text")
    for fmt in ("json", "sarif", "junit"):
        name = "gklint txt %s" % fmt
        if name not in med or not text:
            continue
        wall, cpu = med[name]
        x = wall / text[0]
        good = x <= GATE_FORMAT_X
        ok.append(good)
        print("  %-18s %9.3f %9.3f %8s %9s  <= %.2fx text: %s (%.2fx; cpu %.2fx)" % (name, wall, cpu, "", "", GATE_FORMAT_X,
                                                                                "OK" if good else "MISSED", x, cpu / text[1]))
    if "start-up" in med:
        wall, cpu = med["start-up"]
        good = wall * 1000 <= GATE_START_MS
        ok.append(good)
        print("  %-18s %9.4f %9.4f %8s %9s  <= %.0f ms: %s" % ("start-up (1 line)", wall, cpu, "", "", GATE_START_MS,
                                                             "OK" if good else "MISSED"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--results", required=True)
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args()
    ok = []
    meta = os.path.join(args.results, "meta.txt")
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            print(f.read().rstrip())
        print()
    pipeline = os.path.join(args.results, "pipeline.json")
    if os.path.exists(pipeline):
        results, _ = load_pipeline(pipeline)
        print("In-process, per report (Google Benchmark; median of the repetitions; µs of CPU time)")
        stamp(args.results, "pipeline")
        print_pipeline(results, ok)
    if os.path.exists(os.path.join(args.results, "commands.json")) or os.path.exists(
            os.path.join(args.results, "commands.tsv")):
        print()
        print("Whole command on one core (gklint check -j1 --fail-on never vs grep -rcP over the same files)")
        stamp(args.results, "commands")
        print_commands(load_commands(args.results), args.corpus, ok)
    gate = os.path.join(args.results, "gate.tsv")
    if os.path.exists(gate):
        print()
        print("The gate on every core (gklint check --fail-on never; medians of wall time, run 0 dropped)")
        stamp(args.results, "gate")
        print_gate(gate, args.corpus, ok)
    rss = os.path.join(args.results, "rss.tsv")
    if os.path.exists(rss):
        print()
        print("Peak memory (max RSS, MiB) by folder size")
        stamp(args.results, "rss")
        print_rss(rss, ok)
    print()
    print("targets: %d of %d met" % (sum(ok), len(ok)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
