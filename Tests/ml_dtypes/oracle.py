#!/usr/bin/env python3
"""Writes codes.json: the value of every code of each format ml_dtypes defines, and the code
ml_dtypes gives (nearest-even, from float64) for the midpoint of every pair of neighbouring
finite values and the doubles just beside it.

NumberFormatsTests/MLDtypesOracleTests compares QuantArch's formats against this file.
Regenerate with:  python3 -m venv /tmp/v && /tmp/v/bin/pip install ml-dtypes && /tmp/v/bin/python Tests/ml_dtypes/oracle.py
"""
import json
import math
import os

import ml_dtypes
import numpy as np

# QuantArch name -> ml_dtypes name, bits.
FORMATS = [
    ("e2m1", "float4_e2m1fn", 4), ("e2m3", "float6_e2m3fn", 6), ("e3m2", "float6_e3m2fn", 6),
    ("e4m3", "float8_e4m3fn", 8), ("e5m2", "float8_e5m2", 8), ("e3m4", "float8_e3m4", 8),
    ("ue5m3", "float8_e5m3fnu", 8), ("e8m0", "float8_e8m0fnu", 8),
    ("int2", "int2", 2), ("int4", "int4", 4), ("uint1", "uint1", 1), ("uint2", "uint2", 2), ("uint4", "uint4", 4),
]


def text(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(x).hex()


def main():
    out = {"ml_dtypes_version": ml_dtypes.__version__, "formats": []}
    for name, dtype_name, bits in FORMATS:
        dtype = getattr(ml_dtypes, dtype_name)
        codes = np.arange(1 << bits, dtype=np.uint8)
        if dtype_name.startswith(("int", "uint")):
            # Every integer of the range through ml_dtypes; its stored byte's low bits are the code.
            info = ml_dtypes.iinfo(dtype)
            integers = np.arange(int(info.min), int(info.max) + 1, dtype=np.int64).astype(dtype)
            values = [0.0] * (1 << bits)
            for stored, value in zip(integers.view(np.uint8), integers.astype(np.int64)):
                values[int(stored) & ((1 << bits) - 1)] = float(value)
        else:
            values = [float(v) for v in codes.view(dtype).astype(np.float64)]
        entry = {"name": name, "ml_dtypes": dtype_name, "values": [text(v) for v in values]}
        if not dtype_name.startswith(("int", "uint")):
            finite = sorted({v for v in values if math.isfinite(v)})
            inputs = []
            for lo, hi in zip(finite, finite[1:]):
                mid = (lo + hi) / 2   # exact: neighbours differ by a power-of-two quantum
                inputs += [math.nextafter(mid, -math.inf), mid, math.nextafter(mid, math.inf)]
            encoded = np.array(inputs, dtype=np.float64).astype(dtype)
            encoded_codes = encoded.view(np.uint8) & ((1 << bits) - 1)
            entry["encode_inputs"] = [text(x) for x in inputs]
            entry["encode_codes"] = [int(c) for c in encoded_codes]
        out["formats"].append(entry)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "codes.json")
    with open(path + ".tmp", "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
