#!/usr/bin/env bash
# Measures the server on loopback beside a minimal epoll server and a student's asyncio server
# in the same run (product.md §6), then prints medians side by side. Builds nothing: pass the
# build directory that holds capsock, capsock_load and epoll_upper_server.
#   tests/bench/run_load.sh BUILD_DIR [--quick]
# --quick: 1 s runs, 1 and 100 connections with 32-byte lines, bulk 256 MiB.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [--quick]}
quick=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
runs=3

find_exe() {
    local found
    found=$(find "$build" -name "$1" -type f -perm -u+x -print -quit)
    if [[ -z $found ]]; then
        echo "no $1 under $build: build it first" >&2
        exit 1
    fi
    echo "$found"
}
load=$(find_exe capsock_load)
epoll_server=$(find_exe epoll_upper_server)
capsock=$build/src/capsock
[[ -x $capsock ]] || { echo "no $capsock: build it first" >&2; exit 1; }

# 1000 connections need 1000 descriptors in the client and in each server.
ulimit -n 4096

if [[ $quick == --quick ]]; then
    seconds=1
    pingpongs=("1 32" "100 32")
    mebibytes=256
else
    seconds=3
    pingpongs=("1 32" "1 4096" "100 32" "100 4096" "1000 32" "1000 4096")
    mebibytes=1024
fi

work=$(mktemp -d)
server_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Starts a server (its command line in "$@"), waits for its "listening on port N" line.
start_server() {
    local log=$1
    shift
    # timeout: a server the trap somehow missed still goes away by itself.
    timeout 3600 "$@" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        port=$(grep -o -m1 'listening on port [0-9]*' "$log" | grep -o '[0-9]*$' || true)
        [[ -n $port ]] && return 0
        sleep 0.1
    done
    echo "server did not start: $*" >&2
    cat "$log" >&2
    exit 1
}

declare -A result  # result[config,server] = median, "!" appended when a run had errors

# Runs one configuration $runs times; keeps the median of field $1 of the RESULT lines.
measure() {
    local key=$1 field=$2
    shift 2
    local values=() errors=0 line value
    for _ in $(seq "$runs"); do
        line=$(timeout 300 "$load" "$@" --port "$port" 2>"$work/stderr" \
            | grep '^RESULT' || true)
        sed "s|^|$server, $key: |" "$work/stderr" >>"$work/errors.log"
        echo "$server: $line" >>"$work/results.log"
        value=$(sed -n "s/.* $field=\([0-9.]*\).*/\1/p" <<<"$line")
        [[ -n $value ]] && values+=("$value")
        [[ $line == *" errors=0"* ]] || errors=$((errors + 1))
    done
    local median=-
    if ((${#values[@]} > 0)); then
        median=$(printf '%s\n' "${values[@]}" | sort -g | sed -n "$(((${#values[@]} + 1) / 2))p")
    fi
    ((errors == 0)) || median="$median!"
    result[$key,$server]=$median
    printf '  %-28s %s\n' "$key" "$median"
}

run_all_loads() {
    local pp conns bytes
    for pp in "${pingpongs[@]}"; do
        read -r conns bytes <<<"$pp"
        measure "pingpong ${conns}c ${bytes}B rt/s" rtps --pingpong --connections "$conns" \
            --line-bytes "$bytes" --seconds "$seconds"
    done
    measure "bulk ${mebibytes} MiB MB/s" mbps --bulk --mebibytes "$mebibytes"
}

servers=(epoll Capsock asyncio)
for server in "${servers[@]}"; do
    case $server in
    epoll) start_server "$work/epoll.log" "$epoll_server" --port 0 ;;
    Capsock) start_server "$work/capsock.log" "$capsock" --headless --server --bind localhost \
        --port 0 --quiet --read-size 65536 --max-clients 2000 ;;
    asyncio) start_server "$work/asyncio.log" "$python" "$here/asyncio_upper_server.py" 0 ;;
    esac
    echo "== $server (port $port)"
    run_all_loads
    stop_server
done

ratio() {
    local a=${1%!} b=${2%!}
    [[ $a == - || $b == - ]] && { echo -; return; }
    awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

echo
echo "Medians of $runs runs (! = a run had errors; see below)."
row() { printf '%-28s | %10s | %10s | %10s | %13s | %13s\n' "$@"; }
row configuration epoll Capsock asyncio Capsock/epoll asyncio/epoll
keys=()
for pp in "${pingpongs[@]}"; do
    read -r conns bytes <<<"$pp"
    keys+=("pingpong ${conns}c ${bytes}B rt/s")
done
keys+=("bulk ${mebibytes} MiB MB/s")
for key in "${keys[@]}"; do
    e=${result[$key,epoll]} c=${result[$key,Capsock]} a=${result[$key,asyncio]}
    row "$key" "$e" "$c" "$a" "$(ratio "$c" "$e")" "$(ratio "$a" "$e")"
done
if [[ -s $work/errors.log ]]; then
    echo
    echo "Load client errors (first 20 lines):"
    head -20 "$work/errors.log"
fi
