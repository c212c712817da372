#!/usr/bin/env bash
# Renders a report folder the way a funder would see it, for a look by eye:
#   - a screenshot of report.html in a browser window (screen.png),
#   - report.html printed to A4 PDF (report.pdf) and that PDF as PNG pages
#     (page-N.png, 60 dpi by default),
#   - a `compare --out` folder's comparison.html likewise (comparison.pdf,
#     comparison-page-N.png),
#   - each figures/*.svg opened on its own (figure-NAME.png).
# Then open the PNGs and check: labels not overlapping or cut off, axes
# whole, tables inside the A4 width, the stamp on every page when the report
# was made with --no-suppress, key figures on page 1, no page more than
# two-thirds empty except the last.
#
# usage: scripts/render-check.sh REPORT_DIR [OUT_DIR] [DPI]
#        scripts/render-check.sh --sample [OUT_DIR] [DPI]
#   --sample writes the sample report of the rendering tests (English and
#   Italian, every chart, the stamp, a wide table) and checks both.
#
# Needs Debian's chromium and poppler-utils (installed when missing, as root).
set -euo pipefail

die() { echo "render-check: $*" >&2; exit 1; }

ensure_tools() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
    ((${#missing[@]} == 0)) && return
    [[ $(id -u) == 0 ]] || die "needs ${missing[*]} (apt-get install -y ${missing[*]})"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
}

# chromium FLAGS… URL: headless, no sandbox (root in a container), quiet.
browser() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$profile" "$@" >/dev/null 2>&1
}

# print_page HTML PREFIX OUT DPI: HTML printed to A4 PDF (PREFIX.pdf) and its
# pages as PNGs (PREFIX-page-N.png; for report.html: report.pdf, page-N.png).
print_page() {
    local html=$1 prefix=$2 out=$3 dpi=$4 stem
    stem=$([[ $prefix == report ]] && echo page || echo "$prefix-page")
    browser --no-pdf-header-footer --print-to-pdf="$out/$prefix.pdf" "file://$html"
    [[ -s $out/$prefix.pdf ]] || die "chromium printed no PDF for $html"
    rm -f "$out/$stem"-*.png
    pdftoppm -png -r "$dpi" "$out/$prefix.pdf" "$out/$stem"
    echo "$html: $(pdfinfo "$out/$prefix.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') A4 pages -> $out/$stem-*.png"
}

check_folder() {
    local dir out dpi
    dir=$(cd "$1" && pwd) || die "no such folder: $1"
    out=$2
    dpi=$3
    [[ -f $dir/report.html || -f $dir/comparison.html ]] || die "$dir has no report.html or comparison.html"
    mkdir -p "$out"
    if [[ -f $dir/report.html ]]; then
        browser --window-size=1000,4000 --screenshot="$out/screen.png" "file://$dir/report.html"
        print_page "$dir/report.html" report "$out" "$dpi"
    fi
    if [[ -f $dir/comparison.html ]]; then print_page "$dir/comparison.html" comparison "$out" "$dpi"; fi
    if [[ -d $dir/figures ]]; then
        for svg in "$dir"/figures/*.svg; do
            [[ -e $svg ]] || continue
            browser --window-size=700,900 --screenshot="$out/figure-$(basename "$svg" .svg).png" "file://$svg"
        done
    fi
    echo "$dir -> $out (screen.png, page-*.png, comparison-page-*.png, figure-*.png)"
}

ensure_tools
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

if [[ ${1:-} == --sample ]]; then
    out=${2:-/tmp/evalrun-render-check}
    dpi=${3:-60}
    root=$(cd "$(dirname "$0")/.." && pwd)
    mkdir -p "$out"
    sample="$out/sample"
    (cd "$root" && EVALRUN_RENDER_SAMPLE="$sample" swift test --filter "HTMLRendererTests/sampleReport" >"$out/swift-test.log" 2>&1) ||
        die "writing the sample report failed (see $out/swift-test.log)"
    for lang in en it; do check_folder "$sample/edge-$lang" "$out/edge-$lang" "$dpi"; done
    for lang in en it; do check_folder "$sample/$lang" "$out/$lang" "$dpi"; done
else
    [[ $# -ge 1 ]] || die "usage: scripts/render-check.sh REPORT_DIR [OUT_DIR] [DPI] | --sample [OUT_DIR] [DPI]"
    check_folder "$1" "${2:-/tmp/evalrun-render-check/$(basename "$1")}" "${3:-60}"
fi
