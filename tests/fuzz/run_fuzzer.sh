#!/usr/bin/env bash
# Runs one libFuzzer target, starting from its checked-in seed corpus.
#
#   run_fuzzer.sh FUZZER SEED_CORPUS WORK_DIR [libFuzzer options, e.g. -runs=N]
#
# What the run adds to the corpus goes to WORK_DIR/corpus, never to SEED_CORPUS (libFuzzer
# writes into its first corpus folder). That folder starts empty, so that with a fixed -seed a
# run is the same every time, unless FUZZ_KEEP_CORPUS=1 (make fuzz), which lets long runs build
# on each other. A failing input is saved as WORK_DIR/crash-* (or leak-*, timeout-*, oom-*);
# run the fuzzer with that file as its only argument to reproduce it.
# The seed is fixed; set CAPSOCK_TEST_SEED to explore others (as for the randomized tests).
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 FUZZER SEED_CORPUS WORK_DIR [libFuzzer options]" >&2
    exit 2
fi
fuzzer=$1 seeds=$2 work=$3
shift 3

corpus=$work/corpus
if [ "${FUZZ_KEEP_CORPUS:-0}" != 1 ]; then
    rm -rf "$corpus"
fi
mkdir -p "$corpus"

echo "$(basename "$fuzzer"): seed ${CAPSOCK_TEST_SEED:-20261123}, corpus $seeds + $corpus," \
     "options: $*"
exec "$fuzzer" -seed="${CAPSOCK_TEST_SEED:-20261123}" -artifact_prefix="$work/" \
    -print_final_stats=1 "$@" "$corpus" "$seeds"
