#!/usr/bin/env bash
# `make verify`: build qarch in release mode, check every element
# format bit-exactly against MPFR, then print the format list and code tables.
# Exits with verify's status (1 if any check has a mismatch) after printing everything.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}
SWIFT=${SWIFT:-swift}

"$SWIFT" build -c release --scratch-path "$SCRATCH" --product qarch
QARCH="$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)/qarch"

echo
echo "== qarch verify (bit-exact against MPFR)"
status=0
"$QARCH" verify || status=$?

echo
echo "== qarch formats list"
"$QARCH" formats list

for format in e2m1 e2m3 e3m2 e4m3 e5m2 e3m4 hif8 nf4 ue4m3 ue5m3; do
    echo
    echo "== qarch formats table $format"
    "$QARCH" formats table "$format"
done

exit "$status"
