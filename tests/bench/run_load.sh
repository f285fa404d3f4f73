#!/usr/bin/env bash
# Measures the server on loopback beside a minimal epoll server and a student's asyncio server
# in the same run (product.md §6, issue 6), then prints medians side by side. Builds nothing:
# pass the build directory that holds capsock, capsock_load and epoll_upper_server.
#   tests/bench/run_load.sh BUILD_DIR [--quick]
# --quick: 1 s runs; 1 and 100 connections and 1 beside 1000 idle, 32-byte lines; 256 MiB bulk.
# RUNS=N sets how many times each load runs against each server (default 5).
# TCP_INFO=1 adds a fifth server, Capsock with --tcp-info (issue 13), and prints what the probe
# costs beside plain Capsock.
#
# The machine is shared and noisy, so the three servers run at the same time (an idle one
# costs nothing) and every round measures each load against each server in turn, the order
# rotating between rounds. A ratio is the median of the per-round ratios: both sides of each
# one were measured within seconds of each other.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [--quick]}
quick=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
runs=${RUNS:-5}

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
ulimit -n 8192

# Each load: its row label, then capsock_load's arguments.
if [[ $quick == --quick ]]; then
    seconds=1
    loads=("1 conn, 32 B lines|--pingpong --connections 1 --line-bytes 32"
        "100 conns, 32 B lines|--pingpong --connections 100 --line-bytes 32"
        "1 conn + 1000 idle, 32 B|--pingpong --connections 1 --idle 1000 --line-bytes 32"
        "bulk 256 MiB|--bulk --mebibytes 256")
else
    seconds=3
    loads=("1 conn, 32 B lines|--pingpong --connections 1 --line-bytes 32"
        "1 conn, 4 KiB lines|--pingpong --connections 1 --line-bytes 4096"
        "100 conns, 32 B lines|--pingpong --connections 100 --line-bytes 32"
        "100 conns, 4 KiB lines|--pingpong --connections 100 --line-bytes 4096"
        "1000 conns, 32 B lines|--pingpong --connections 1000 --line-bytes 32"
        "1000 conns, 4 KiB lines|--pingpong --connections 1000 --line-bytes 4096"
        "1 conn + 1000 idle, 32 B|--pingpong --connections 1 --idle 1000 --line-bytes 32"
        "bulk 1 GiB|--bulk --mebibytes 1024")
fi

work=$(mktemp -d)
declare -A pid port
stop_servers() {
    local server
    for server in "${!pid[@]}"; do
        kill "${pid[$server]}" 2>/dev/null || true
        wait "${pid[$server]}" 2>/dev/null || true
    done
}
trap 'stop_servers; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Starts a server (its command line after the name), waits for its "listening on port N".
start_server() {
    local server=$1 log=$work/${1// /-}.log found
    shift
    # timeout: a server the trap somehow missed still goes away by itself.
    timeout 7200 "$@" >"$log" 2>&1 &
    pid[$server]=$!
    for _ in $(seq 100); do
        found=$(grep -o -m1 'listening on port [0-9]*' "$log" | grep -o '[0-9]*$' || true)
        if [[ -n $found ]]; then
            port[$server]=$found
            return 0
        fi
        sleep 0.1
    done
    echo "$server did not start: $*" >&2
    cat "$log" >&2
    exit 1
}

# "Qt loop": Capsock on Qt's own event loop with a QSocketNotifier per socket, as it runs on
# Windows and macOS (CAPSOCK_SOCKET_WATCH=notifiers): what the epoll loop is worth.
servers=(epoll Capsock "Qt loop" asyncio)
capsock_server=("$capsock" --headless --server --bind localhost --port 0 --quiet
    --read-size 65536 --max-clients 5000)
start_server epoll "$epoll_server" --port 0
start_server Capsock "${capsock_server[@]}"
CAPSOCK_SOCKET_WATCH=notifiers start_server "Qt loop" "${capsock_server[@]}"
start_server asyncio "$python" "$here/asyncio_upper_server.py" 0
if [[ -n ${TCP_INFO:-} ]]; then
    servers+=(tcp-info)
    start_server tcp-info "${capsock_server[@]}" --tcp-info
fi
echo "servers: epoll on ${port[epoll]}, Capsock on ${port[Capsock]}, Capsock on Qt's loop on" \
    "${port[Qt loop]}, asyncio on ${port[asyncio]}; $runs rounds" >&2

declare -A value p99 errors  # [load index,server,round]
for ((round = 0; round < runs; ++round)); do
    echo "round $((round + 1)) of $runs" >&2
    for i in "${!loads[@]}"; do
        IFS='|' read -r label arguments <<<"${loads[$i]}"
        for ((k = 0; k < ${#servers[@]}; ++k)); do
            server=${servers[$(((k + round) % ${#servers[@]}))]}
            # shellcheck disable=SC2086 # the arguments are words on purpose
            line=$(timeout 300 "$load" $arguments --seconds "$seconds" \
                --port "${port[$server]}" 2>"$work/stderr" | grep '^RESULT' || true)
            sed "s|^|$server, $label: |" "$work/stderr" >>"$work/errors.log"
            key=$i,$server,$round
            value[$key]=$(sed -n 's/.* \(rtps\|mbps\)=\([0-9.]*\).*/\2/p' <<<"$line")
            p99[$key]=$(sed -n 's/.* p99us=\([0-9]*\).*/\1/p' <<<"$line")
            [[ $line == *" errors=0"* ]] || errors[$i,$server]=1
        done
    done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'; }

# Median over the rounds of what field `array` holds for load $2 and server $3.
median_of() {
    local -n array=$1
    local round
    for ((round = 0; round < runs; ++round)); do
        if [[ -n ${array[$2,$3,$round]:-} ]]; then echo "${array[$2,$3,$round]}"; fi
    done | median
}

# Median over the rounds of server $2's figure divided by epoll's (or server $3's), for load $1.
ratio_to_epoll() {
    local round a b
    for ((round = 0; round < runs; ++round)); do
        a=${value[$1,$2,$round]:-} b=${value[$1,${3:-epoll},$round]:-}
        if [[ -n $a && -n $b ]]; then
            awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) print a / b }'
        fi
    done | median | awk '{ if ($1 == "-") print "-"; else printf "%.2f\n", $1 }'
}

echo
echo "Medians of $runs rounds; round trips/s, or MB/s for bulk; ratios are medians of"
echo "per-round ratios; p99 is Capsock's round-trip latency (! = a run had errors, see below)."
row() { printf '%-26s | %8s | %8s | %8s | %8s | %8s | %8s | %8s | %8s\n' "$@"; }
row load epoll Capsock "Qt loop" asyncio "Capsock/" "Qt loop/" "asyncio/" "Capsock"
row "" "" "" "" "" epoll epoll epoll "p99 ms"
for i in "${!loads[@]}"; do
    IFS='|' read -r label _ <<<"${loads[$i]}"
    cells=()
    for server in epoll Capsock "Qt loop" asyncio; do
        cells+=("$(median_of value "$i" "$server")${errors[$i,$server]:+!}")
    done
    latency=$(median_of p99 "$i" Capsock)
    [[ $latency == - ]] || latency=$(awk -v us="$latency" 'BEGIN { printf "%.1f", us / 1000 }')
    row "$label" "${cells[@]}" "$(ratio_to_epoll "$i" Capsock)" \
        "$(ratio_to_epoll "$i" "Qt loop")" "$(ratio_to_epoll "$i" asyncio)" "$latency"
done
if [[ -n ${TCP_INFO:-} ]]; then
    echo
    echo "The probe's cost: Capsock with --tcp-info beside Capsock (round trips/s, or MB/s)."
    row3() { printf '%-26s | %8s | %8s | %8s\n' "$@"; }
    row3 load Capsock tcp-info "tcp-info/Capsock"
    for i in "${!loads[@]}"; do
        IFS='|' read -r label _ <<<"${loads[$i]}"
        row3 "$label" "$(median_of value "$i" Capsock)${errors[$i,Capsock]:+!}" \
            "$(median_of value "$i" tcp-info)${errors[$i,tcp-info]:+!}" \
            "$(ratio_to_epoll "$i" tcp-info Capsock)"
    done
fi
if [[ -s $work/errors.log ]]; then
    echo
    echo "Load client errors (first 20 lines):"
    head -20 "$work/errors.log"
fi
