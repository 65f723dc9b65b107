#!/usr/bin/env python3
"""Cross-check `qarch scalesim`'s report files against SCALE-Sim 3.0.0's own.

How to run (from the repository root): `Tests/scalesim/run.sh` runs it after crosscheck.py,
in the venv with scalesim==3.0.0 and numpy<2. The qarch binary is $QARCH, or else the debug
build (`swift build --product qarch` is run first).

For SCALE-Sim's example config inputs/scale.cfg (32x32, 64 kB SRAMs, InterfaceBandwidth CALC)
with Dataflow os, ws and is, and for the convolution topology inputs/conv.csv (SCALE-Sim's
test.csv layer Inc5b_3x3, a stride-2 layer, a 1x1 layer and a depth-wise `DP` layer) and the
GEMM topology inputs/gemm.csv (`Layer, M, N, K`: SCALE-Sim's test_mnk_input.csv row, vit_s.csv's
L0 and a tiny layer), it runs SCALE-Sim (`scalesim.scale_sim.scalesim(...).run_scale`) and
`qarch scalesim -c CFG -t CSV --out DIR`, and compares per layer, as text:

- COMPUTE_REPORT.csv: Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %,
  Compute Util %;
- BANDWIDTH_REPORT.csv: Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW;
- DETAILED_ACCESS_REPORT.csv: SRAM IFMAP Reads, SRAM Filter Reads, SRAM OFMAP Writes;
- the three headers, byte for byte.

The prefetch cycles, start/stop cycles and DRAM columns come from SCALE-Sim's scratchpad model,
which qarch does not reproduce (README, "qarch scalesim"); they are not compared.
Exits 1 on any difference. With --regenerate it also copies SCALE-Sim's three report files of
every run into reference/<dataflow>_<topology>/, which the Swift test ScaleSimCommandTests
compares `qarch scalesim` against without SCALE-Sim.
"""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
INPUTS = os.path.join(HERE, "inputs")
REFERENCE = os.path.join(HERE, "reference")
COMPARED = {
    "COMPUTE_REPORT.csv": ["Total Cycles", "Stall Cycles", "Overall Util %", "Mapping Efficiency %",
                           "Compute Util %"],
    "BANDWIDTH_REPORT.csv": ["Avg IFMAP SRAM BW", "Avg FILTER SRAM BW", "Avg OFMAP SRAM BW"],
    "DETAILED_ACCESS_REPORT.csv": ["SRAM IFMAP Reads", "SRAM Filter Reads", "SRAM OFMAP Writes"],
}
LAYOUT_HEADER = ("Layer name, IFMAP Height Intraline Factor, IFMAP Width Intraline Factor, "
                 "Filter Height Intraline Factor, Filter Width Intraline Factor, "
                 "Channel Intraline Factor, Num Filter Intraline Factor, "
                 "IFMAP Height Intraline Order, IFMAP Width Intraline Order, "
                 "Channel Intraline Order, IFMAP Height Interline Order, "
                 "IFMAP Width Interline Order, Channel Interline Order,\n")


def qarch_binary():
    if os.environ.get("QARCH"):
        return os.environ["QARCH"]
    subprocess.run(["swift", "build", "--product", "qarch"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "qarch")


def read_report(path):
    """The header line and the rows of a report, each row a dict column -> text."""
    with open(path) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    columns = [c.strip() for c in lines[0].split(",")]
    rows = [dict(zip(columns, (v.strip() for v in line.split(",")))) for line in lines[1:]]
    return lines[0], rows


def run_scalesim(cfg, topology, gemm, tmp):
    from scalesim.scale_sim import scalesim
    layout = os.path.join(tmp, "layout.csv")
    with open(layout, "w") as f:
        f.write(LAYOUT_HEADER)
    out = os.path.join(tmp, "scalesim")
    with contextlib.redirect_stdout(io.StringIO()):
        sim = scalesim(save_disk_space=True, verbose=False, config=cfg, topology=topology,
                       layout=layout, input_type_gemm=gemm)
        sim.run_scale(top_path=out)
    (run_name,) = os.listdir(out)
    return os.path.join(out, run_name)


def main(argv):
    regenerate = "--regenerate" in argv
    qarch = qarch_binary()
    with open(os.path.join(INPUTS, "scale.cfg")) as f:
        base_cfg = f.read()
    failures = 0
    compared = 0
    for dataflow in ["os", "ws", "is"]:
        for topo_name, gemm in [("conv.csv", False), ("gemm.csv", True)]:
            with tempfile.TemporaryDirectory() as tmp:
                cfg = os.path.join(tmp, f"scale_{dataflow}.cfg")
                with open(cfg, "w") as f:
                    f.write(re.sub(r"^Dataflow : os$", f"Dataflow : {dataflow}", base_cfg, flags=re.M))
                topology = os.path.join(INPUTS, topo_name)
                theirs = run_scalesim(cfg, topology, gemm, tmp)
                if regenerate:
                    keep = os.path.join(REFERENCE, f"{dataflow}_{topo_name[:-4]}")
                    os.makedirs(keep, exist_ok=True)
                    for report in COMPARED:
                        shutil.copyfile(os.path.join(theirs, report), os.path.join(keep, report))
                ours = os.path.join(tmp, "qarch")
                subprocess.run([qarch, "scalesim", "-c", cfg, "-t", topology, "--out", ours],
                               check=True, stdout=subprocess.DEVNULL)
                for report, columns in COMPARED.items():
                    their_header, their_rows = read_report(os.path.join(theirs, report))
                    our_header, our_rows = read_report(os.path.join(ours, report))
                    if their_header != our_header:
                        print(f"MISMATCH {dataflow} {topo_name} {report} header:\n  SCALE-Sim {their_header}\n  qarch     {our_header}")
                        failures += 1
                    if len(their_rows) != len(our_rows):
                        print(f"MISMATCH {dataflow} {topo_name} {report}: SCALE-Sim {len(their_rows)} layers, qarch {len(our_rows)}")
                        failures += 1
                        continue
                    for layer, (a, b) in enumerate(zip(their_rows, our_rows)):
                        for column in columns:
                            compared += 1
                            if a[column] != b[column]:
                                failures += 1
                                print(f"MISMATCH {dataflow} {topo_name} layer {layer} {column}: "
                                      f"SCALE-Sim {a[column]}, qarch {b[column]}")
                _, cycles = read_report(os.path.join(theirs, "COMPUTE_REPORT.csv"))
                _, access = read_report(os.path.join(theirs, "DETAILED_ACCESS_REPORT.csv"))
                for layer, (c, d) in enumerate(zip(cycles, access)):
                    print(f"{dataflow} {topo_name:8s} layer {layer}: Total Cycles {c['Total Cycles']}, "
                          f"SRAM IFMAP Reads {d['SRAM IFMAP Reads']}, SRAM Filter Reads {d['SRAM Filter Reads']}, "
                          f"SRAM OFMAP Writes {d['SRAM OFMAP Writes']}")
    print(f"{compared - failures}/{compared} report values of qarch scalesim equal SCALE-Sim 3.0.0's")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
