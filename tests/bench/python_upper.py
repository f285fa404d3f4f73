#!/usr/bin/env python3
"""Python's reference speed on the upper-casing benchmark's inputs (product.md §6).

    python_upper.py DIR [--runs N] [--json]

DIR holds ascii.txt, mixed.txt and sharp_s.txt, as `bench_uppercaser --write-inputs DIR`
writes them. For each, times str.upper() alone and the lecture server's whole
data.decode().upper().encode(), and prints the median MB/s (10^6 bytes of UTF-8 input per
second) of N runs.
"""
import argparse
import json
import statistics
import sys
import time

INPUTS = ("ascii", "mixed", "sharp_s")


def median_seconds(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    results = {}
    for name in INPUTS:
        with open("%s/%s.txt" % (args.directory, name), "rb") as file:
            data = file.read()
        text = data.decode()
        upper = median_seconds(text.upper, args.runs)
        whole = median_seconds(lambda: data.decode().upper().encode(), args.runs)
        results[name] = {
            "bytes": len(data),
            "upper_mb_s": len(data) / upper / 1e6,
            "decode_upper_encode_mb_s": len(data) / whole / 1e6,
        }

    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return
    print("%-8s %12s %24s" % ("input", "upper() MB/s", "decode+upper+encode MB/s"))
    for name, result in results.items():
        print("%-8s %12.1f %24.1f"
              % (name, result["upper_mb_s"], result["decode_upper_encode_mb_s"]))


if __name__ == "__main__":
    main()
