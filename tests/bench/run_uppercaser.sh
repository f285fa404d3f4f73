#!/usr/bin/env bash
# Runs the upper-casing benchmark and Python's reference on the same inputs, then prints them
# side by side (medians). Builds nothing: pass the build directory that holds bench_uppercaser.
#   tests/bench/run_uppercaser.sh BUILD_DIR
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
bench=$(find "$build" -name bench_uppercaser -type f -perm -u+x -print -quit)
if [[ -z $bench ]]; then
    echo "no bench_uppercaser under $build: build it first" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bench" --write-inputs "$work"
echo "== Capsock ($bench)"
"$bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_out="$work/capsock.json" --benchmark_out_format=json
echo "== Python ($("$python" --version 2>&1))"
"$python" "$here/python_upper.py" "$work" --runs 5 --json >"$work/python.json"
# str.upper() allocates its result on every call. Where touching a fresh page is slow (a VM:
# ~15 us a page here), Python's figure is mostly page faults. The "warm" run has glibc keep
# freed memory for reuse (no mmap, no trim), like the benchmark's reused output buffer.
MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=17179869184 \
    "$python" "$here/python_upper.py" "$work" --runs 5 --json >"$work/python-warm.json"

"$python" - "$work/capsock.json" "$work/python.json" "$work/python-warm.json" <<'PY'
import json
import sys

capsock = json.load(open(sys.argv[1]))
python = json.load(open(sys.argv[2]))
warm = json.load(open(sys.argv[3]))
median = {b["run_name"]: b for b in capsock["benchmarks"] if b.get("aggregate_name") == "median"}


def mb_s(name):
    return median[name]["bytes_per_second"] / 1e6


# Input and output half a page apart; "same offset" rows are the worst case (4K aliasing).
rows = [("ascii", "ascii", "BM_UpperCase_Ascii"), ("mixed", "mixed", "BM_UpperCase_Mixed"),
        ("sharp_s", "sharp_s", "BM_UpperCase_SharpS"),
        ("mixed, same offset", "mixed", "BM_UpperCase_Mixed_SamePageOffset"),
        ("sharp_s, same offset", "sharp_s", "BM_UpperCase_SharpS_SamePageOffset")]
print()
print("MB/s = 10^6 bytes of UTF-8 input per second, medians.")
print("| input                | Capsock | Python upper() | Python decode+upper+encode "
      "| Capsock / upper() | Python upper(), warm | Capsock / upper(), warm |")
print("|----------------------|--------:|---------------:|---------------------------:"
      "|------------------:|---------------------:|------------------------:|")
for label, name, benchmark in rows:
    ours = mb_s(benchmark)
    cold = python[name]["upper_mb_s"]
    hot = warm[name]["upper_mb_s"]
    print("| %-20s | %7.0f | %14.0f | %26.0f | %16.1fx | %20.0f | %22.1fx |"
          % (label, ours, cold, python[name]["decode_upper_encode_mb_s"], ours / cold,
             hot, ours / hot))
print()
print("memcpy, same size: %.0f MB/s" % mb_s("BM_Memcpy"))
print("mixed in 1 KiB chunks: %.0f MB/s" % mb_s("BM_UpperCase_Mixed_1KiBChunks"))
small = median["BM_UpperCase_SharpS_Scaling/16"]
large = median["BM_UpperCase_SharpS_Scaling/64"]
print("ß only, 64 MiB vs 16 MiB: %.1f ms vs %.1f ms = %.2fx (4x is linear)"
      % (large["real_time"], small["real_time"], large["real_time"] / small["real_time"]))
PY
