#!/usr/bin/env python3
"""The benchmark behind scripts/bench: times `kankei run`, DuckDB and pandas on the same exports,
checks that they agree on every count, and prints a table. See scripts/bench for how to run it."""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
DATA = BENCH / "data"
KINDS = "sssssmt"  # the generator's columns after the timestamp: five single, one multiple, one text
SIZES = {"100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}
EVENT = "2026-national-survey"


def export(label, encoding):
    """The export for `label` in `encoding`, made (once) with the fixed seed."""
    suffix = "" if encoding == "utf-8" else "." + encoding
    path = DATA / f"answers-{label}{suffix}.csv"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        print(f"  making {path.name} ...", flush=True)
        partial = path.with_suffix(".part")
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/make_export.py"), str(SIZES[label]), str(partial),
                        "--encoding", encoding], check=True)
        partial.rename(path)
    return path


def run_measured(command):
    """Runs `command`; returns (wall seconds, peak RSS of that process in MB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({code}):\n{err.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out


def fresh_workspace(files, events=None):
    """A workspace with the office's pipelines/ and `files` in inbox/<EVENT>/ (hard links)."""
    workspace = BENCH / "workspace"
    shutil.rmtree(workspace, ignore_errors=True)
    shutil.copytree(ROOT / "pipelines", workspace / "pipelines")
    if events:
        for event in events:
            shutil.copytree(ROOT / "Samples/inbox" / event, workspace / "inbox" / event)
    for file in files:
        target = workspace / "inbox" / EVENT / file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(file, target)
    return workspace


def kankei_counts(workspace):
    summary = json.loads((workspace / "reports" / EVENT / "summary.json").read_text())
    questions = []
    for question in summary["questions"]:
        entry = {"header": question["text"], "answered": question["base"]["answered"]}
        if question["type"] != "text":
            entry["counts"] = {option["label"]: option["count"] for option in question["options"] if option["count"]}
            entry["responses"] = question["base"]["responses"]
        questions.append(entry)
    return {"respondents": summary["respondents"], "questions": questions}


def disagreements(expected, actual):
    """What differs between two count sets (empty when they agree on every count)."""
    problems = []
    if expected["respondents"] != actual["respondents"]:
        problems.append(f"respondents {expected['respondents']} vs {actual['respondents']}")
    if len(expected["questions"]) != len(actual["questions"]):
        return problems + [f"{len(expected['questions'])} vs {len(actual['questions'])} questions"]
    for left, right in zip(expected["questions"], actual["questions"]):
        for key in ("header", "answered", "responses", "counts"):
            if left.get(key) != right.get(key):
                problems.append(f"{left['header'][:12]}… {key}: {left.get(key)} vs {right.get(key)}")
    return problems


def warm(path):
    """Reads the export once, so every tool starts with it in the page cache (this VM's cache is
    sometimes emptied between runs, which made a run read from disk at random)."""
    with open(path, "rb") as file:
        while file.read(8 << 20):
            pass


def kankei_once(kankei, path):
    """One `kankei run` on a fresh workspace: (wall, peak MB, counts)."""
    workspace = fresh_workspace([path])
    wall, peak, _ = run_measured([kankei, "run", "--workspace", str(workspace)])
    return {"wall": wall, "rss": peak, "counts": kankei_counts(workspace)}


def reference_once(engine, path, encoding):
    """One DuckDB or pandas count: (wall, peak MB, its own seconds, counts)."""
    python = str(BENCH / "venv/bin/python")
    wall, peak, out = run_measured([python, str(ROOT / "Benchmarks/reference_counts.py"), engine, str(path), KINDS,
                                    "--encoding", encoding])
    result = json.loads(out)
    return {"wall": wall, "rss": peak, "query": result["seconds"], "counts": result["counts"]}


def measure(path, encoding, runs, kankei):
    """kankei, DuckDB (UTF-8 only) and pandas, taking turns run by run, so that a busy spell of the
    machine falls on all of them alike. Per tool: median wall, every wall, peak RSS, counts."""
    tools = {"kankei": lambda: kankei_once(kankei, path),
             "duckdb": (lambda: reference_once("duckdb", path, encoding)) if encoding == "utf-8" else None,
             "pandas": lambda: reference_once("pandas", path, encoding)}
    samples = {name: [] for name, once in tools.items() if once}
    for _ in range(runs):
        for name in samples:
            warm(path)
            samples[name].append(tools[name]())
    results = {name: None for name in tools}
    for name, runs_of in samples.items():
        results[name] = {"wall": statistics.median(run["wall"] for run in runs_of), "walls": [run["wall"] for run in runs_of],
                         "rss": max(run["rss"] for run in runs_of), "counts": runs_of[-1]["counts"]}
        if "query" in runs_of[0]:
            results[name]["query"] = statistics.median(run["query"] for run in runs_of)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kankei", required=True)
    parser.add_argument("--sizes", default="100k,1m,5m")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    datasets = [(label, "utf-8") for label in args.sizes.split(",")]
    if "1m" in args.sizes.split(","):
        datasets.append(("1m", "cp932"))

    rows, failures, results = [], [], {}
    for label, encoding in datasets:
        path = export(label, encoding)
        megabytes = path.stat().st_size / 1e6
        print(f"{label} {encoding}: {megabytes:.0f} MB", flush=True)
        measured = measure(path, encoding, args.runs, args.kankei)
        kankei, duckdb, pandas = measured["kankei"], measured["duckdb"], measured["pandas"]
        for name, reference in (("DuckDB", duckdb), ("pandas", pandas)):
            if reference is None:
                continue
            for problem in disagreements(reference["counts"], kankei["counts"]):
                failures.append(f"{label} {encoding}: kankei vs {name}: {problem}")
        key = f"{label}-{encoding}"
        results[key] = {"megabytes": megabytes, "kankei": kankei, "duckdb": duckdb, "pandas": pandas}
        for name, measured in (("kankei run", kankei), ("DuckDB", duckdb), ("pandas", pandas)):
            if measured is None:
                rows.append((label, encoding, megabytes, name, None, None, None, None))
                continue
            ratio = kankei["wall"] / duckdb["wall"] if (name == "kankei run" and duckdb) else None
            rows.append((label, encoding, megabytes, name, measured["wall"], megabytes / measured["wall"], measured["rss"], ratio,
                         measured.get("query")))

    # The two sample webinars, every file, end to end.
    sample_walls = []
    for _ in range(max(args.runs, 5)):
        workspace = fresh_workspace([], events=["2022-02-04-municipal-webinar", "2022-02-10-company-webinar"])
        wall, peak, _ = run_measured([args.kankei, "run", "--workspace", str(workspace)])
        sample_walls.append(wall)
    results["samples"] = {"walls": sample_walls, "median": statistics.median(sample_walls)}

    print()
    print(f"{'export':<8} {'enc':<6} {'MB':>6}  {'tool':<11} {'wall s':>7} {'MB/s':>6} {'peak MB':>8} {'vs DuckDB':>9}  {'query s':>7}")
    for row in rows:
        label, encoding, megabytes, name, wall = row[:5]
        if wall is None:
            print(f"{label:<8} {encoding:<6} {megabytes:>6.0f}  {name:<11} {'—':>7} {'—':>6} {'—':>8} {'':>9}  (no CP932 reader without the encodings extension)")
            continue
        _, _, _, _, wall, speed, rss, ratio, query = row
        print(f"{label:<8} {encoding:<6} {megabytes:>6.0f}  {name:<11} {wall:>7.2f} {speed:>6.0f} {rss:>8.0f} "
              f"{(f'{ratio:.2f}' if ratio else ''):>9}  {(f'{query:.2f}' if query else ''):>7}")
    utf8 = {label: results[f"{label}-utf-8"]["kankei"]["wall"] / SIZES[label] * 1e6 for label in SIZES if f"{label}-utf-8" in results}
    print()
    print("kankei per million answers: " + ", ".join(f"{label} {seconds:.2f} s" for label, seconds in utf8.items()))
    for key, result in results.items():
        if key.endswith("-utf-8") and result["duckdb"]:
            paired = [k / d for k, d in zip(result["kankei"]["walls"], result["duckdb"]["walls"])]
            print(f"kankei / DuckDB run by run ({key[:-6]}): " + ", ".join(f"{ratio:.2f}" for ratio in paired)
                  + f" (median {statistics.median(paired):.2f})")
    if "1m-cp932" in results and "1m-utf-8" in results:
        print(f"CP932 / UTF-8 (1m): {results['1m-cp932']['kankei']['wall'] / results['1m-utf-8']['kankei']['wall']:.2f}")
    print(f"two sample webinars end to end: median {results['samples']['median']:.2f} s "
          f"({', '.join(f'{wall:.2f}' for wall in sample_walls)})")
    print("wall: whole process, median of", args.runs, "runs (the tools take turns, each with the export in the page cache);"
          " query s: DuckDB's and pandas' own time inside the process")
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if failures:
        print("\nDISAGREEMENT:")
        for failure in failures:
            print("  " + failure)
        raise SystemExit(1)
    print("all three agree on every count at every size")


if __name__ == "__main__":
    main()
