#!/usr/bin/env bash
# Runs one libFuzzer target, starting from its checked-in seed corpus.
#
#   run_fuzzer.sh FUZZER SEED_CORPUS WORK_DIR [libFuzzer options, e.g. -runs=N]
#
# What the run adds to the corpus goes to WORK_DIR/corpus, never to SEED_CORPUS (libFuzzer
# writes into its first corpus folder). That folder starts empty, unless FUZZ_KEEP_CORPUS=1
# (make fuzz), which lets long runs build on each other. A failing input is saved as
# WORK_DIR/crash-* (or leak-*, timeout-*, oom-*); run the fuzzer with that file as its only
# argument to reproduce it.
#
# A run of -runs=N from an empty WORK_DIR/corpus is the same every time (the same inputs, the
# same final stats), given the same command line; three things see to it:
# - the seed is fixed; set CAPSOCK_TEST_SEED to explore others (as for the randomized tests);
# - -reload=0: libFuzzer otherwise rereads its corpus folder every second and runs what it finds
#   again, which moves everything after by the clock;
# - no address randomization (setarch -R), where the system allows it: the comparisons and stack
#   depths libFuzzer learns from include addresses. Without it runs differ from one another.
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

fixed_addresses=(setarch -R)
if ! setarch -R true 2>/dev/null; then
    echo "note: address randomization stays on (setarch -R is not allowed here):" \
         "this run may differ from the next"
    fixed_addresses=()
fi

echo "$(basename "$fuzzer"): seed ${CAPSOCK_TEST_SEED:-20261123}, corpus $seeds + $corpus," \
     "options: $*"
exec ${fixed_addresses[@]+"${fixed_addresses[@]}"} "$fuzzer" -seed="${CAPSOCK_TEST_SEED:-20261123}" -reload=0 \
    -artifact_prefix="$work/" -print_final_stats=1 "$@" "$corpus" "$seeds"
