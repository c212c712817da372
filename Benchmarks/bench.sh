#!/usr/bin/env bash
# make bench (not in CI): evalrun against an analyst's Python script on the same
# files, in one run, on programmes of several sizes.
#
#   BENCH_SIZES="S L"       sizes to run (default; XL = 1,000,000 participants takes a long while)
#   BENCH_RUNS=3            evalrun runs per size (the median is reported)
#   BENCH_PEER=1            run the Python peers at all (0: evalrun and DuckDB only)
#   BENCH_PEER_SIZES="S L"  sizes at which the peers run (one run each; a peer at XL takes about an hour)
#   EVALRUN_BIN=PATH        time this evalrun binary instead of building `swift build -c release`
#
# For each size it writes a programme with ../shared/peers/gen.py (the DESIGN §3
# formats the peers read, groups 2022–2024; `evalrun synth` where gen.py is not
# beside the checkout, without the peers), then times, in a fresh project each run, `init`, `import DIR`,
# `report --from 2022-01-01 --to 2024-12-31` and `compare --by composition
# --adjust age,sex --json`, with wall time and peak memory from /usr/bin/time;
# then DuckDB's load of the same CSV files (the ingestion floor), our analyst's
# script Benchmarks/Scripts/analyst_peer.py (pandas, scipy, statsmodels,
# lifelines; one core) and, as a cross-check, the shared peer
# ../shared/peers/peer_python.py when it is there. On S, check_headline.py
# compares the analyst script's headline numbers with evalrun's summary.json and
# compare JSON and the bench fails if any differs. The table goes to the
# "make bench" section at the top of Benchmarks/RESULTS.md (the rest of that
# file, the library benchmarks, is kept). Only ratios within one run mean
# anything: these machines are noisy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes=${BENCH_SIZES:-"S L"}
runs=${BENCH_RUNS:-3}
peer=${BENCH_PEER:-1}
peerSizes=${BENCH_PEER_SIZES:-"S L"}
work="$root/.build-bench"
results="$root/Benchmarks/RESULTS.md"
scripts="$root/Benchmarks/Scripts"
shared="$root/../shared/peers"
mkdir -p "$work"

sudo=""
[ "$(id -u)" = "0" ] || sudo=sudo
if [ ! -x /usr/bin/time ]; then
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time
fi
# The peers' packages from PyPI; a Debian Python that refuses to install into
# itself (PEP 668) is told it may: these are the bench's own tools.
if ! python3 -c "import pandas, scipy, statsmodels, lifelines, duckdb" 2>/dev/null; then
    python3 -m pip install -q pandas scipy statsmodels lifelines duckdb ||
        python3 -m pip install -q --break-system-packages pandas scipy statsmodels lifelines duckdb
fi
if [ -n "${EVALRUN_BIN:-}" ]; then
    bin="$(cd "$(dirname "$EVALRUN_BIN")" && pwd)/$(basename "$EVALRUN_BIN")"
    [ -x "$bin" ] || { echo "EVALRUN_BIN=$EVALRUN_BIN is not an executable" >&2; exit 2; }
else
    swift build -c release
    bin="$root/.build/release/evalrun"
fi

participants() { case "$1" in S) echo 10000 ;; L) echo 100000 ;; XL) echo 1000000 ;; *) echo "$1" ;; esac; }

# measure OUT COMMAND...: runs COMMAND under /usr/bin/time with its stdout in OUT;
# prints "seconds peak_MiB".
measure() {
    local out=$1 log
    shift
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log" "$@" >"$out" 2>"$log.err" || { cat "$log.err" >&2; exit 3; }
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$log"
    rm -f "$log" "$log.err"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ratio() { awk -v p="$1" -v e="$2" 'BEGIN { printf "%.1f×", p / e }'; }
secs() { case "$1" in –|failed) echo "$1" ;; *) echo "$1 s" ;; esac; }
inList() { case " $2 " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

table="$work/bench-table.md"
stages="$work/bench-stages.md"
notes="$work/bench-notes.md"
: >"$table"
: >"$stages"
: >"$notes"
checked=""
declare -A medians=()

for size in $sizes; do
    n=$(participants "$size")
    data="$work/data-$size"
    runPeers=$peer
    inList "$size" "$peerSizes" || runPeers=0
    if [ ! -f "$data/participants.csv" ]; then
        echo "== writing the $size programme ($n participants)"
        if [ -f "$shared/gen.py" ]; then
            python3 "$shared/gen.py" --participants "$n" --out "$data" >/dev/null
        else
            "$bin" synth --participants "$n" --plain --first-year 2022 --years 3 --out "$data" --quiet
        fi
    fi
    # The peers read the DESIGN §3 files gen.py writes, not `evalrun synth`'s.
    [ -f "$data/MANIFEST.json" ] || runPeers=0
    declare -A times=()
    peak=0
    for run in $(seq "$runs"); do
        project="$work/project-$size-$run"
        rm -rf "$project"
        mkdir -p "$project"
        cd "$project"
        for step in init import report compare; do
            out=/dev/null
            case $step in
                init) set -- "$bin" init --quiet ;;
                import) set -- "$bin" import "$data" --quiet ;;
                report) set -- "$bin" report --from 2022-01-01 --to 2024-12-31 --out report --quiet ;;
                compare)
                    set -- "$bin" compare --by composition --adjust age,sex --json --quiet
                    out="$project/compare.json"
                    ;;
            esac
            result=$(measure "$out" "$@")
            read -r seconds mib <<<"$result"
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
        medians[$size:$step]=$m
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
    peerTime="–" peerRatio="–" peerPeak="–" sharedTime="–" sharedRatio="–" check="–"
    if [ "$runPeers" = "1" ]; then
        echo "== analyst's Python script on $size"
        rm -f "$work/analyst-peer-$size.json"
        if result=$(OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 measure /dev/null python3 "$scripts/analyst_peer.py" \
            "$data" --from 2022-01-01 --to 2024-12-31 --json-out "$work/analyst-peer-$size.json"); then
            read -r peerTime peerPeak <<<"$result"
            peerRatio=$(ratio "$peerTime" "$total")
        else
            echo "the analyst's script failed on $size" >&2
            [ "$size" = "S" ] && exit 1
            peerTime="failed"
        fi
        [ -f "$work/analyst-peer-$size.json" ] && python3 - "$work/analyst-peer-$size.json" "$size" >>"$stages" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["stages"]
mixed = sum(v for k, v in s.items() if k.startswith(("compare.mixed:", "compare.icc:")))
cox = sum(v for k, v in s.items() if k.startswith("compare.cox:"))
print(f"| {sys.argv[2]} | {s['import_libraries']:.2f} s | {s['load']:.2f} s | {s['report']:.2f} s | "
      f"{s['compare']:.2f} s | {mixed:.2f} s | {cox:.2f} s | {d['total_seconds']:.2f} s |")
EOF
        if [ "$size" = "S" ]; then
            echo "== headline check on S"
            if python3 "$scripts/check_headline.py" "$work/analyst-peer-S.json" \
                "$work/project-S-1/report/summary.json" "$work/project-S-1/compare.json" >"$work/check-S.txt"; then
                check=$(tail -n 1 "$work/check-S.txt" | sed 's/^headline check passed: //')
                checked=$(grep -v '^headline' "$work/check-S.txt" | tail -n 1)
                echo "$check"
            else
                cat "$work/check-S.txt"
                echo "the analyst's script and evalrun disagree on S (see $work/check-S.txt): bench failed" >&2
                exit 1
            fi
        fi
        if [ -f "$shared/peer_python.py" ]; then
            echo "== shared peer (cross-check) on $size"
            OPENBLAS_NUM_THREADS=1 /usr/bin/time -f "%e" -o "$work/peer-$size.time" \
                python3 "$shared/peer_python.py" "$data" >"$work/peer-$size.json"
            sharedTime=$(cat "$work/peer-$size.time")
            # A peer stage that failed did not do the work: its time would flatter it.
            if grep -q '"status": "error' "$work/peer-$size.json"; then
                echo "the shared peer failed on $size (see $work/peer-$size.json)" >&2
                sharedTime="failed"
            else
                sharedRatio=$(ratio "$sharedTime" "$total")
            fi
        fi
    fi
    # The data rows of the export files (headers left out), over the import's median time.
    rows=$(for f in "$data"/*.csv; do tail -n +2 "$f" | wc -l; done | awk '{ s += $1 } END { print s }')
    rate=$(awk -v r="$rows" -v t="${row[1]}" 'BEGIN { printf "%.0f", r / t }' | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
    overDuck=$(awk -v e="${row[1]}" -v d="$duck" 'BEGIN { printf "%.1f×", e / d }')
    echo "| $size | $n | ${row[0]} s | ${row[1]} s | $rate | ${row[2]} s | ${row[3]} s | $total s | $peak | $duck s | $overDuck | $(secs "$peerTime") | $peerPeak | **$peerRatio** | $(secs "$sharedTime") | $sharedRatio |" >>"$table"
    unset times
done

section="$work/bench-section.md"
{
    echo "<!-- make bench: begin (written by Benchmarks/bench.sh; edit the script, not this section) -->"
    echo "## make bench: the whole run against an analyst's Python script"
    echo
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%d)."
    echo "evalrun release build, one process per command (\`init\`, \`import DIR\`, \`report --from 2022-01-01 --to 2024-12-31\`,"
    echo "\`compare --by composition --adjust age,sex --json\`); median of $runs run(s); peak memory is the largest of them."
    echo "Programmes from \`../shared/peers/gen.py\` (S = 10,000 participants, L = 100,000, XL = 1,000,000)."
    echo "The analyst's script is \`Benchmarks/Scripts/analyst_peer.py\` (pandas, scipy, statsmodels, lifelines; one core;"
    echo "one run, the whole process from interpreter start); **peer ÷ evalrun** is its time over evalrun's whole run."
    echo "The shared peer (\`../shared/peers/peer_python.py\`) runs beside it as a cross-check. DuckDB's load of the same"
    echo "CSV files (one thread) is the ingestion floor. Peers run at: ${peerSizes} (\`BENCH_PEER_SIZES\`)."
    echo "The shared peer's work is close to, not the same as, evalrun's (no ICCs; its enrolled count, service uptake,"
    echo "months from group end and median interval follow other definitions; its MixedLM for attendance stops"
    echo "unconverged), so only the analyst's script is checked against evalrun."
    echo
    echo "Import rows/s: the data rows of every export file over the import's time; import ÷ DuckDB: the import's time"
    echo "over DuckDB's load. Peak MiB: the largest peak of any command at that size."
    echo
    echo "| size | participants | init | import DIR | import rows/s | report | compare | whole run | peak MiB | DuckDB load | import ÷ DuckDB | analyst script | its peak MiB | peer ÷ evalrun | shared peer | shared ÷ evalrun |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$table"
    if [ -s "$stages" ]; then
        echo
        echo "Where the analyst's script spends its time (its own stage timer):"
        echo
        echo "| size | importing libraries | load CSV | report | compare | of which MixedLM (3 models, 5 ICCs) | of which Cox | total |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|"
        cat "$stages"
    fi
    echo
    if [ -n "$checked" ]; then
        echo "Headline check on S (\`Benchmarks/Scripts/check_headline.py\`): $checked, i.e. every number the script"
        echo "computes equals evalrun's (counts exactly, the rest to 1e-6 relative; p-values on the log scale; lifelines'"
        echo "cluster-robust Cox SE to 1e-3, MixedLM's sd_group and ICCs and the d_z interval to 1e-5, for the reasons the"
        echo "script states). Not compared:"
        echo "the CR2 standard errors and Satterthwaite df (statsmodels has only CR1, shown beside them)."
    else
        echo "Headline check: not run (it runs on S with the peers)."
    fi
    if [ -n "${medians[L:import]:-}" ] && [ -n "${medians[XL:import]:-}" ]; then
        echo
        echo "Growth from L to XL (10× the participants; linear growth is ≤ 12×): import $(ratio "${medians[XL:import]}" "${medians[L:import]}"),"
        echo "report $(ratio "${medians[XL:report]}" "${medians[L:report]}"), compare $(ratio "${medians[XL:compare]}" "${medians[L:compare]}")."
    fi
    echo
    echo "What the script does not do that evalrun does: validate and store the files (types, keys, cross-file checks),"
    echo "write the report (Markdown, HTML, CSV tables, workbook, SVG figures), CR2 with Satterthwaite df."
    echo "<!-- make bench: end -->"
} >"$section"

python3 - "$results" "$section" <<'EOF'
import re, sys
path, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmark results\n"
pattern = re.compile(r"<!-- make bench: begin.*?<!-- make bench: end -->\n", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text, count=1)
else:  # first run: the section goes right under the title, above the library benchmarks
    title, _, rest = text.partition("\n")
    text = f"{title}\n\n{section}\n{rest.lstrip(chr(10))}"
open(path, "w", encoding="utf-8").write(text)
EOF
sed -n '/<!-- make bench: begin/,/<!-- make bench: end/p' "$results"
