#!/usr/bin/env python3
"""Counts every question of a benchmark export the way a data analyst would, with DuckDB (SQL over
read_csv) or pandas, and prints the counts and the time the counting took as JSON.

The time starts after the library is imported (its import is not charged to it) and ends when the
last count is in Python's hands. Peak memory is measured by the caller (the whole process).

usage: reference_counts.py duckdb|pandas EXPORT.csv KINDS [--encoding utf-8|cp932]
KINDS: one letter per column after the timestamp: s (single), m (multiple, joined with ", "), t (text).
"""
import json
import sys
import time


def duckdb_counts(path, kinds, encoding):
    """Two scans of the file, as fast as we found DuckDB to go: one GROUPING SETS query for every
    single answer plus the answered counts, one string_split + unnest for the multiple answer.
    DuckDB reads an empty cell as NULL, so count(column) is the answered count."""
    import duckdb

    started = time.perf_counter()
    con = duckdb.connect()
    source = "read_csv(?, header = true, all_varchar = true)"
    columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}", [path]).fetchall()][1:]
    name = lambda column: '"' + column.replace('"', '""') + '"'
    singles = [column for column, kind in zip(columns, kinds) if kind == "s"]
    flags = ", ".join(f"GROUPING({name(column)})" for column in singles)
    sets = ", ".join(f"({name(column)})" for column in singles)
    answered = ", ".join(f"count({name(column)})" for column in columns)
    rows = con.execute(
        f"SELECT {flags}, {', '.join(map(name, singles))}, count(*), {answered} FROM {source} "
        f"GROUP BY GROUPING SETS ({sets}, ())", [path]).fetchall()
    result = {"respondents": 0, "questions": []}
    per_column = {column: {} for column in singles}
    for row in rows:
        grouping, values = row[:len(singles)], row[len(singles):2 * len(singles)]
        count = row[2 * len(singles)]
        if all(grouping):
            result["respondents"] = count
            totals = dict(zip(columns, row[2 * len(singles) + 1:]))
            continue
        index = list(grouping).index(0)
        if values[index] is not None:
            per_column[singles[index]][values[index]] = count
    for column, kind in zip(columns, kinds):
        question = {"header": column, "answered": totals[column]}
        if kind == "s":
            question["counts"] = per_column[column]
        elif kind == "m":
            question["counts"] = dict(con.execute(
                f"SELECT v, count(*) FROM (SELECT unnest(string_split({name(column)}, ', ')) AS v FROM {source}) "
                "WHERE v <> '' GROUP BY v", [path]).fetchall())
        if "counts" in question:
            question["responses"] = sum(question["counts"].values())
        result["questions"].append(question)
    return result, time.perf_counter() - started


def pandas_counts(path, kinds, encoding):
    import pandas

    started = time.perf_counter()
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
    result = {"respondents": len(frame), "questions": []}
    for column, kind in zip(frame.columns[1:], kinds):
        values = frame[column].str.strip()
        values = values[values != ""]
        question = {"header": column, "answered": int(len(values))}
        if kind == "s":
            counts = values.value_counts()
        elif kind == "m":
            pieces = values.str.split(", ").explode().str.strip()
            counts = pieces[pieces != ""].value_counts()
        else:
            counts = None
        if counts is not None:
            question["counts"] = {label: int(count) for label, count in counts.items()}
            question["responses"] = sum(question["counts"].values())
        result["questions"].append(question)
    return result, time.perf_counter() - started


def main():
    engine, path, kinds = sys.argv[1:4]
    encoding = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--encoding" else "utf-8"
    count = {"duckdb": duckdb_counts, "pandas": pandas_counts}[engine]
    result, seconds = count(path, kinds, encoding)
    json.dump({"seconds": seconds, "counts": result}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
