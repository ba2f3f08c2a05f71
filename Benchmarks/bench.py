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


def measure_kankei(kankei, path, runs):
    walls, peaks, counts = [], [], None
    for _ in range(runs):
        workspace = fresh_workspace([path])
        wall, peak, _ = run_measured([kankei, "run", "--workspace", str(workspace)])
        walls.append(wall)
        peaks.append(peak)
        counts = kankei_counts(workspace)
    return {"wall": statistics.median(walls), "walls": walls, "rss": max(peaks), "counts": counts}


def measure_reference(engine, path, encoding, runs):
    walls, inner, peaks, counts = [], [], [], None
    python = str(BENCH / "venv/bin/python")
    for _ in range(runs):
        wall, peak, out = run_measured([python, str(ROOT / "Benchmarks/reference_counts.py"), engine, str(path), KINDS,
                                        "--encoding", encoding])
        result = json.loads(out)
        walls.append(wall)
        inner.append(result["seconds"])
        peaks.append(peak)
        counts = result["counts"]
    return {"wall": statistics.median(walls), "query": statistics.median(inner), "rss": max(peaks), "counts": counts}


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
        kankei = measure_kankei(args.kankei, path, args.runs)
        duckdb = measure_reference("duckdb", path, encoding, args.runs) if encoding == "utf-8" else None
        pandas = measure_reference("pandas", path, encoding, args.runs)
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
    if "1m-cp932" in results and "1m-utf-8" in results:
        print(f"CP932 / UTF-8 (1m): {results['1m-cp932']['kankei']['wall'] / results['1m-utf-8']['kankei']['wall']:.2f}")
    print(f"two sample webinars end to end: median {results['samples']['median']:.2f} s "
          f"({', '.join(f'{wall:.2f}' for wall in sample_walls)})")
    print("wall: whole process, median of", args.runs, "runs; query s: DuckDB's and pandas' own time inside the process")
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if failures:
        print("\nDISAGREEMENT:")
        for failure in failures:
            print("  " + failure)
        raise SystemExit(1)
    print("all three agree on every count at every size")


if __name__ == "__main__":
    main()
