#!/usr/bin/env bash
# Datagrams a second through Capsock's headless UDP server beside a minimal C++ UDP
# capitalization server (udp_upper_server.cpp) in the same run (issue 15), then medians and
# ratios. Builds nothing: pass the build directory that holds capsock, udp_load and
# udp_upper_server.
#   tests/bench/run_udp_load.sh BUILD_DIR
# RUNS=N rounds (default 5), SECONDS_PER_RUN=S (default 3).
#
# The machine is shared and noisy, so both servers run at the same time (an idle one costs
# nothing) and every round measures each load against each server in turn, the order rotating
# between rounds. A ratio is the median of the per-round ratios.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR}
runs=${RUNS:-5}
seconds=${SECONDS_PER_RUN:-3}

find_exe() {
    local found
    found=$(find "$build" -name "$1" -type f -perm -u+x -print -quit)
    if [[ -z $found ]]; then
        echo "no $1 under $build: build it first" >&2
        exit 1
    fi
    echo "$found"
}
load=$(find_exe udp_load)
reference=$(find_exe udp_upper_server)
capsock=$build/src/capsock
[[ -x $capsock ]] || { echo "no $capsock: build it first" >&2; exit 1; }

# Each load: its row label, then udp_load's arguments.
loads=("1 client, 32 B|--clients 1 --bytes 32"
    "16 clients, 32 B|--clients 16 --bytes 32"
    "16 clients, 1 KiB|--clients 16 --bytes 1024")

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

# Starts a server (its command line after the name), waits for its "receiving on port N".
start_server() {
    local server=$1 log=$work/$1.log found
    shift
    timeout 7200 "$@" >"$log" 2>&1 &
    pid[$server]=$!
    for _ in $(seq 100); do
        found=$(grep -o -m1 'receiving on port [0-9]*' "$log" | grep -o '[0-9]*$' || true)
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

servers=(reference Capsock)
start_server reference "$reference" --port 0
start_server Capsock "$capsock" --headless --server --udp --bind 127.0.0.1 --port 0 --quiet
echo "servers: reference on ${port[reference]}, Capsock on ${port[Capsock]}; $runs rounds" >&2

declare -A value lost errors # [load index,server,round]
for ((round = 0; round < runs; ++round)); do
    echo "round $((round + 1)) of $runs" >&2
    for i in "${!loads[@]}"; do
        IFS='|' read -r label arguments <<<"${loads[$i]}"
        for ((k = 0; k < ${#servers[@]}; ++k)); do
            server=${servers[$(((k + round) % ${#servers[@]}))]}
            # shellcheck disable=SC2086 # the arguments are words on purpose
            line=$(timeout 300 "$load" $arguments --seconds "$seconds" \
                --port "${port[$server]}" | grep '^RESULT' || true)
            key=$i,$server,$round
            value[$key]=$(sed -n 's/.* dps=\([0-9.]*\).*/\1/p' <<<"$line")
            lost[$key]=$(sed -n 's/.* lost=\([0-9]*\).*/\1/p' <<<"$line")
            [[ $line == *" errors=0"* ]] || errors[$i,$server]=1
        done
    done
done

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'
}

median_of() {
    local -n array=$1
    local round
    for ((round = 0; round < runs; ++round)); do
        if [[ -n ${array[$2,$3,$round]:-} ]]; then echo "${array[$2,$3,$round]}"; fi
    done | median
}

ratio() {
    local round a b
    for ((round = 0; round < runs; ++round)); do
        a=${value[$1,Capsock,$round]:-} b=${value[$1,reference,$round]:-}
        if [[ -n $a && -n $b ]]; then
            awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) print a / b }'
        fi
    done | median | awk '{ if ($1 == "-") print "-"; else printf "%.2f\n", $1 }'
}

echo
echo "Medians of $runs rounds of $seconds s; datagrams answered a second; the ratio is the"
echo "median of per-round ratios; lost: datagrams with no reply within 200 ms (median)."
echo "(! = a reply was not the datagram upper-cased)"
row() { printf '%-18s | %9s | %9s | %9s | %9s | %9s\n' "$@"; }
row load reference Capsock "Capsock/" "lost" "lost"
row "" "" "" reference reference Capsock
for i in "${!loads[@]}"; do
    IFS='|' read -r label _ <<<"${loads[$i]}"
    row "$label" "$(median_of value "$i" reference)${errors[$i,reference]:+!}" \
        "$(median_of value "$i" Capsock)${errors[$i,Capsock]:+!}" "$(ratio "$i")" \
        "$(median_of lost "$i" reference)" "$(median_of lost "$i" Capsock)"
done
