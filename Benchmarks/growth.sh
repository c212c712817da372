#!/usr/bin/env bash
# make growth (not in CI; about a minute after the release build): the guard
# against the next quadratic loop. Times `import DIR`, `report` and `compare`
# on two generated programmes, the second GROWTH_FACTOR times the first
# (`evalrun synth`, same seed and years), and fails when a command's time
# grows by more than GROWTH_LIMIT times the factor (1.5 by default: linear
# growth plus room for the noise of a shared machine). Each time is the
# median of GROWTH_RUNS runs.
#
#   GROWTH_SMALL=20000 GROWTH_FACTOR=4 GROWTH_RUNS=3 GROWTH_LIMIT=1.5
#   EVALRUN_BIN=PATH   time this binary instead of building it
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
small=${GROWTH_SMALL:-20000}
factor=${GROWTH_FACTOR:-4}
runs=${GROWTH_RUNS:-3}
limit=${GROWTH_LIMIT:-1.5}
work="$root/.build-bench/growth"
mkdir -p "$work"
if [ -n "${EVALRUN_BIN:-}" ]; then
    bin="$(cd "$(dirname "$EVALRUN_BIN")" && pwd)/$(basename "$EVALRUN_BIN")"
else
    (cd "$root" && swift build -c release >/dev/null)
    bin="$root/.build/release/evalrun"
fi

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A time=()
for n in "$small" $((small * factor)); do
    data="$work/data-$n"
    [ -f "$data/participants.csv" ] || "$bin" synth --participants "$n" --plain --out "$data" --quiet
    for step in import report compare; do
        samples=""
        for run in $(seq "$runs"); do
            project="$work/project-$n"
            if [ "$step" = import ]; then
                rm -rf "$project" && mkdir -p "$project"
                (cd "$project" && "$bin" init --quiet)
            fi
            case $step in
                import) s=$(cd "$project" && seconds "$bin" import "$data" --quiet) ;;
                report) s=$(cd "$project" && seconds "$bin" report --period 2015 --out report --quiet) ;;
                compare) s=$(cd "$project" && seconds "$bin" compare --by composition --adjust age,sex --json --quiet) ;;
            esac
            samples="$samples $s"
        done
        time[$n:$step]=$(echo "$samples" | tr ' ' '\n' | grep . | median)
    done
done

status=0
printf "%-8s %10s %10s %8s   (bound %s× for %s× the participants)\n" step "$small" $((small * factor)) growth \
    "$(awk -v f="$factor" -v l="$limit" 'BEGIN { print f * l }')" "$factor"
for step in import report compare; do
    a=${time[$small:$step]}
    b=${time[$((small * factor)):$step]}
    growth=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
    printf "%-8s %9ss %9ss %7s×\n" "$step" "$a" "$b" "$growth"
    if awk -v g="$growth" -v f="$factor" -v l="$limit" 'BEGIN { exit !(g > f * l) }'; then
        echo "$step grows faster than linearly: ${growth}× for ${factor}× the participants" >&2
        status=1
    fi
done
exit $status
