#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each
# for SECONDS, starting from the committed seed corpus Fuzz/Corpus/<target>/.
#
# Usage: scripts/fuzz.sh SECONDS [TARGET...]     (default: every target)
#
# New inputs found go to a working corpus under Fuzz/.build/corpus/ (not
# committed); a crashing input is saved as Fuzz/Findings/<target>-crash-<sha1>,
# the script goes on with the other targets and exits non-zero. To turn a
# finding into a regression test, add it under
# Tests/EvaluationTests/Fixtures/hostile/fuzz/ (see HostileInputTests).
set -uo pipefail

seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzCSVReader FuzzRowDecoders)
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/Fuzz"

flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
# SwiftPM does not notice files added to a path dependency (the root package)
# once it has planned a build; without its build plan it plans again.
rm -f .build/debug.yaml
status=0
for target in "${targets[@]}"; do
    echo "== building $target"
    if ! swift build "${flags[@]}" --product "$target"; then
        echo "error: $target does not build" >&2
        exit 3
    fi
done
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p Findings
for target in "${targets[@]}"; do
    work=".build/corpus/$target"
    mkdir -p "$work"
    echo "== fuzzing $target for $seconds s"
    # The Swift runtime's backtracer trips AddressSanitizer after a failed
    # precondition; libFuzzer's own report says what is needed.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$target" "$work" "Corpus/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="Findings/$target-" 2>&1 | tee ".build/$target.log" \
        | grep -E "^(#[0-9]+ +(INITED|DONE)|INFO: seed|==[0-9]+==|SUMMARY|stat::|Done [0-9]+ runs|.*(Fatal|[Pp]recondition|ERROR|Test unit written))" || true
    code=${PIPESTATUS[0]}
    if [ "$code" -ne 0 ]; then
        echo "error: $target stopped with status $code; see Fuzz/Findings/ and Fuzz/.build/$target.log" >&2
        status=1
    fi
done
exit $status
