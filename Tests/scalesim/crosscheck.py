#!/usr/bin/env python3
"""Cross-check QuantArch's `scalesim` timing convention against SCALE-Sim 3.0.0.

How to run (from the repository root):

    Tests/scalesim/run.sh               # verify the committed fixture against SCALE-Sim
    Tests/scalesim/run.sh --regenerate  # rerun SCALE-Sim and rewrite the fixture
    Tests/scalesim/run.sh --time 16 16 ws 256 512 384   # time one GEMM (JSON line)

`run.sh` creates the venv `Tests/scalesim/.venv` (gitignored) and installs
`scalesim==3.0.0` and `numpy<2` on first use, then runs this script with it.

What it does: for every configuration in CONFIGS (array rows/cols from {4, 8, 16, 32},
GEMM shapes including non-powers of two and shapes smaller than the array, all three
dataflows) it writes a SCALE-Sim config (.cfg), a GEMM topology CSV (`Layer, M, N, K,`:
N before K, trailing comma required because SCALE-Sim drops the last field) and an
empty layout CSV into a temporary directory, runs SCALE-Sim through its Python API
(`scalesim.scale_sim.scalesim(save_disk_space=True, verbose=False, config=...,
topology=..., input_type_gemm=True)`), and reads "Total Cycles" from
COMPUTE_REPORT.csv.

The memory configuration is the compute-bound one: `InterfaceBandwidth = CALC`
(SCALE-Sim's estimate-bandwidth mode, whose read buffers never stall) and large SRAMs
(so the OFMAP write buffer never fills and never stalls). SCALE-Sim then reports
Stall Cycles = 0 and Total Cycles = (number of demand-matrix rows) - 1, which is what
`SystolicTiming` computes in the `scalesim` convention.

The fixture `Tests/TensorEngineTests/Fixtures/scalesim_cycles.json` holds each
configuration and SCALE-Sim's Total Cycles and Stall Cycles. The Swift test
`ScaleSimFixtureTests` asserts that our `scalesim` convention reproduces every entry,
in both the cycle-stepped and the fast mode. Without `--regenerate` the script reruns
SCALE-Sim and fails (exit 1) if any result differs from the fixture.
"""

import contextlib
import io
import json
import os
import random
import sys
import tempfile

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TensorEngineTests",
                       "Fixtures", "scalesim_cycles.json")

# (rows, cols, dataflow, M, K, N)
CONFIGS = [
    (4, 4, "os", 4, 4, 4),
    (4, 4, "ws", 4, 4, 4),
    (4, 4, "is", 4, 4, 4),
    (4, 4, "os", 1, 1, 1),
    (4, 4, "ws", 1, 1, 1),
    (4, 4, "is", 1, 1, 1),
    (4, 8, "os", 7, 5, 3),
    (4, 8, "ws", 7, 5, 3),
    (4, 8, "is", 7, 5, 3),
    (8, 4, "os", 13, 9, 11),
    (8, 4, "ws", 13, 9, 11),
    (8, 4, "is", 13, 9, 11),
    (8, 8, "os", 20, 17, 9),
    (8, 8, "ws", 20, 17, 9),
    (8, 8, "is", 20, 17, 9),
    (16, 8, "os", 33, 6, 40),
    (16, 8, "ws", 33, 6, 40),
    (16, 8, "is", 33, 6, 40),
    (8, 16, "os", 5, 50, 19),
    (8, 16, "ws", 5, 50, 19),
    (8, 16, "is", 5, 50, 19),
    (16, 16, "os", 64, 64, 64),
    (16, 16, "ws", 64, 64, 64),
    (16, 16, "is", 64, 64, 64),
    (32, 32, "os", 10, 12, 14),
    (32, 32, "ws", 10, 12, 14),
    (32, 32, "is", 10, 12, 14),
    (32, 16, "os", 100, 37, 45),
    (32, 16, "ws", 100, 37, 45),
    (32, 16, "is", 100, 37, 45),
    (4, 32, "os", 31, 3, 65),
    (4, 32, "ws", 31, 3, 65),
    (4, 32, "is", 31, 3, 65),
    (32, 4, "os", 2, 70, 6),
    (32, 4, "ws", 2, 70, 6),
    (32, 4, "is", 2, 70, 6),
    (16, 32, "os", 48, 96, 24),
    (16, 32, "ws", 48, 96, 24),
    (16, 32, "is", 48, 96, 24),
]

# Plus seeded random shapes: arrays from {4, 8, 16, 32}, M, K, N in 1...100.
_rng = random.Random(2026)
for _ in range(21):
    CONFIGS.append((_rng.choice([4, 8, 16, 32]), _rng.choice([4, 8, 16, 32]),
                    _rng.choice(["os", "ws", "is"]),
                    _rng.randint(1, 100), _rng.randint(1, 100), _rng.randint(1, 100)))

CONFIG_TEMPLATE = """[general]
run_name = qarch_xcheck

[run_presets]
InterfaceBandwidth = CALC
UseRamulatorTrace = False

[architecture_presets]
ArrayHeight = {rows}
ArrayWidth = {cols}
IfmapSramSzkB = 8192
FilterSramSzkB = 8192
OfmapSramSzkB = 8192
IfmapOffset = 0
FilterOffset = 10000000
OfmapOffset = 20000000
Bandwidth = 10
Dataflow = {dataflow}
MemoryBanks = 1
ReadRequestBuffer = 32
WriteRequestBuffer = 32

[layout]
IfmapCustomLayout = False
IfmapSRAMBankBandwidth = 10
IfmapSRAMBankNum = 10
IfmapSRAMBankPort = 2
FilterCustomLayout = False
FilterSRAMBankBandwidth = 10
FilterSRAMBankNum = 10
FilterSRAMBankPort = 2

[sparsity]
SparsitySupport = false
SparseRep = ellpack_block
OptimizedMapping = false
BlockSize = 8
RandomNumberGeneratorSeed = 40
"""


def run_scalesim(rows, cols, dataflow, m, k, n):
    """Run SCALE-Sim on one GEMM; return (total_cycles, stall_cycles)."""
    from scalesim.scale_sim import scalesim

    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "array.cfg")
        topo = os.path.join(tmp, "gemm.csv")
        layout = os.path.join(tmp, "layout.csv")
        with open(cfg, "w") as f:
            f.write(CONFIG_TEMPLATE.format(rows=rows, cols=cols, dataflow=dataflow))
        with open(topo, "w") as f:
            f.write("Layer, M, N, K,\n")
            f.write(f"gemm0, {m}, {n}, {k},\n")
        with open(layout, "w") as f:
            f.write("Layer name, IFMAP Height Intraline Factor, IFMAP Width Intraline Factor, "
                    "Filter Height Intraline Factor, Filter Width Intraline Factor, "
                    "Channel Intraline Factor, Num Filter Intraline Factor, "
                    "IFMAP Height Intraline Order, IFMAP Width Intraline Order, "
                    "Channel Intraline Order, IFMAP Height Interline Order, "
                    "IFMAP Width Interline Order, Channel Interline Order,\n")
        old = os.getcwd()
        os.chdir(tmp)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                sim = scalesim(save_disk_space=True, verbose=False, config=cfg,
                               topology=topo, layout=layout, input_type_gemm=True)
                sim.run_scale(top_path=tmp)
        finally:
            os.chdir(old)
        report = os.path.join(tmp, "qarch_xcheck", "COMPUTE_REPORT.csv")
        with open(report) as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
        header = [h.strip() for h in lines[0].split(",")]
        values = [v.strip() for v in lines[1].split(",")]
        row = dict(zip(header, values))
        return int(float(row["Total Cycles"])), int(float(row["Stall Cycles"]))


def time_one(argv):
    """`--time ROWS COLS DATAFLOW M K N`: run SCALE-Sim once on that GEMM and print one JSON
    line {"seconds", "cpu_seconds", "total_cycles", "stall_cycles"}: wall and process CPU
    time of the simulation itself (config writing, simulation and report; interpreter
    start-up and imports excluded, which favours SCALE-Sim). `qarch bench` reads it."""
    import time
    rows, cols, dataflow, m, k, n = argv
    from scalesim.scale_sim import scalesim  # noqa: F401  (import outside the timed span)
    wall, cpu = time.perf_counter(), time.process_time()
    total, stall = run_scalesim(int(rows), int(cols), dataflow, int(m), int(k), int(n))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"seconds": wall, "cpu_seconds": cpu, "total_cycles": total, "stall_cycles": stall}))
    return 0


def main(argv):
    if argv[:1] == ["--time"]:
        return time_one(argv[1:])
    regenerate = "--regenerate" in argv
    entries = []
    for (rows, cols, dataflow, m, k, n) in CONFIGS:
        total, stall = run_scalesim(rows, cols, dataflow, m, k, n)
        entries.append({"rows": rows, "cols": cols, "dataflow": dataflow,
                        "m": m, "k": k, "n": n,
                        "total_cycles": total, "stall_cycles": stall})
        print(f"{rows:3d}x{cols:<3d} {dataflow} M={m:4d} K={k:4d} N={n:4d}: "
              f"Total Cycles {total} (stalls {stall})")
    if regenerate:
        os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
        with open(FIXTURE, "w") as f:
            json.dump({"scalesim_version": "3.0.0", "entries": entries}, f, indent=1)
            f.write("\n")
        print(f"wrote {len(entries)} entries to {os.path.normpath(FIXTURE)}")
        return 0
    with open(FIXTURE) as f:
        fixture = json.load(f)["entries"]
    mismatches = [(a, b) for a, b in zip(entries, fixture) if a != b]
    if len(fixture) != len(entries):
        print(f"fixture has {len(fixture)} entries, SCALE-Sim run has {len(entries)}")
        return 1
    for a, b in mismatches:
        print(f"MISMATCH: SCALE-Sim {a} vs fixture {b}")
    print(f"{len(entries) - len(mismatches)}/{len(entries)} fixture entries match SCALE-Sim")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
