#!/usr/bin/env bash
# make bench (not in CI): evalrun against an analyst's Python script on the same
# files, in one run, on programmes of several sizes.
#
#   BENCH_SIZES="S L"  (default; XL = 1,000,000 participants takes a long while)
#   BENCH_RUNS=3       evalrun runs per size (the median is reported)
#   BENCH_PEER=1       run the Python peer (pandas + statsmodels + lifelines, one core)
#
# For each size it writes a programme with ../shared/peers/gen.py (the DESIGN §3
# formats the peer reads, groups 2022–2024; `evalrun synth` where gen.py is not
# beside the checkout, without the peer), then times, in a fresh project each run, `init`, `import DIR`,
# `report --from 2022-01-01 --to 2024-12-31` and `compare --by composition
# --adjust age,sex --json`, with wall time and peak memory from /usr/bin/time;
# then DuckDB's load of the same CSV files (the ingestion floor) and the peer
# ../shared/peers/peer_python.py. Results go to Benchmarks/RESULTS-bench.md.
# Only ratios within one run mean anything: these machines are noisy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes=${BENCH_SIZES:-"S L"}
runs=${BENCH_RUNS:-3}
peer=${BENCH_PEER:-1}
work="$root/.build-bench"
out="$root/Benchmarks/RESULTS-bench.md"
mkdir -p "$work"

command -v /usr/bin/time >/dev/null || { echo "bench needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
python3 -c "import pandas, scipy, statsmodels, lifelines, duckdb" 2>/dev/null ||
    python3 -m pip install -q pandas scipy statsmodels lifelines duckdb
swift build -c release
bin="$root/.build/release/evalrun"

participants() { case "$1" in S) echo 10000 ;; L) echo 100000 ;; XL) echo 1000000 ;; *) echo "$1" ;; esac; }

# Runs a command under /usr/bin/time; prints "seconds peak_MiB".
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$log.err" || { cat "$log.err" >&2; exit 3; }
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$log"
    rm -f "$log" "$log.err"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

{
    echo "# make bench"
    echo
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%d)."
    echo "evalrun release build, one process per command; median of $runs runs; peak memory is the largest of the runs."
    echo
    echo "| size | participants | init | import DIR | report | compare | whole run | peak MiB | DuckDB load | Python peer | peer ÷ evalrun |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$out.tmp"

for size in $sizes; do
    n=$(participants "$size")
    data="$work/data-$size"
    gen="$root/../shared/peers/gen.py"
    if [ ! -f "$data/participants.csv" ]; then
        echo "== writing the $size programme ($n participants)"
        if [ -f "$gen" ]; then
            python3 "$gen" --participants "$n" --out "$data" >/dev/null
        else
            "$bin" synth --participants "$n" --plain --first-year 2022 --years 3 --out "$data" --quiet
            peer=0
        fi
    fi
    declare -A times=()
    peak=0
    for run in $(seq "$runs"); do
        project="$work/project-$size-$run"
        rm -rf "$project"
        mkdir -p "$project"
        cd "$project"
        for step in init import report compare; do
            case $step in
                init) set -- "$bin" init --quiet ;;
                import) set -- "$bin" import "$data" --quiet ;;
                report) set -- "$bin" report --from 2022-01-01 --to 2024-12-31 --out report --quiet ;;
                compare) set -- "$bin" compare --by composition --adjust age,sex --json --quiet ;;
            esac
            read -r seconds mib < <(measure "$@")
            times[$step]="${times[$step]:-} $seconds"
            [ "$mib" -gt "$peak" ] && peak=$mib
            echo "$size run $run: $step ${seconds}s ${mib} MiB"
        done
        cd "$root"
    done
    row=()
    total=0
    for step in init import report compare; do
        m=$(echo "${times[$step]}" | tr ' ' '\n' | grep . | median)
        row+=("$m")
        total=$(awk -v a="$total" -v b="$m" 'BEGIN { print a + b }')
    done
    duck=$(python3 - "$data" <<'EOF'
import sys, time, duckdb, glob
start = time.time()
con = duckdb.connect()
con.execute("SET threads TO 1")
for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    con.execute(f"CREATE TABLE t{len(con.execute('SHOW TABLES').fetchall())} AS SELECT * FROM read_csv_auto('{path}')")
print(f"{time.time() - start:.2f}")
EOF
)
    peerTime="–"
    ratio="–"
    if [ "$peer" = "1" ]; then
        echo "== Python peer on $size"
        OPENBLAS_NUM_THREADS=1 /usr/bin/time -f "%e" -o "$work/peer-$size.time" \
            python3 "$root/../shared/peers/peer_python.py" "$data" >"$work/peer-$size.json"
        peerTime=$(cat "$work/peer-$size.time")
        # A peer stage that failed did not do the work: its time would flatter it.
        if grep -q '"status": "error' "$work/peer-$size.json"; then
            echo "the Python peer failed on $size (see $work/peer-$size.json)" >&2
            peerTime="failed"
        else
            ratio=$(awk -v p="$peerTime" -v e="$total" 'BEGIN { printf "%.1f×", p / e }')
        fi
    fi
    echo "| $size | $n | ${row[0]} s | ${row[1]} s | ${row[2]} s | ${row[3]} s | $total s | $peak | $duck s | $peerTime s | $ratio |" >>"$out.tmp"
    unset times
done
mv "$out.tmp" "$out"
cat "$out"
