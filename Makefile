# cdrate: the entry points people remember. Scripts they call live in scripts/.
SWIFT ?= swift
WORK ?= var
BENCH_RECORDS ?= 10000000
BIG_RECORDS ?= 100000000
CONFORMANCE ?= ../shared/conformance

.PHONY: all build release run test bench bignight soak fuzz crashtest conformance clean deps report-check chromium slurmtest

all: build

# zlib's headers come from Debian's zlib1g-dev; install them when we can, else say how.
deps:
	@if ! pkg-config --exists zlib 2>/dev/null && [ ! -f /usr/include/zlib.h ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "installing zlib1g-dev (zlib headers)"; apt-get update -qq && apt-get install -y -qq zlib1g-dev pkg-config; \
	  else \
	    echo "cdrate needs the zlib headers: run 'sudo apt-get install zlib1g-dev pkg-config' and retry"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The nightly job on the sample data: SampleCDRs + Tariffs into $(WORK)/.
run: release
	.build/release/cdrate run --inbox SampleCDRs --tariffs Tariffs --work $(WORK)

test: deps
	scripts/test.sh

bench: release
	scripts/bench.sh $(BENCH_RECORDS)
	BENCH_SCALES="1000000 3000000 10000000" scripts/bench.sh
	scripts/bench-subscribers.sh

# One big night (100 M records by default; BIG_RECORDS): peak memory and the scratch
# disk beside the input and outputs (about 65 GB of disk at 100 M: check df first)
bignight: release
	scripts/big-night.sh $(BIG_RECORDS)

# Consecutive nights on one work area: does night 60 cost what night 1 did? (not part
# of make test; SOAK_NIGHTS, SOAK_RECORDS, SOAK_SUBSCRIBERS shrink it)
soak: release
	scripts/soak.sh

fuzz: release
	scripts/fuzz.sh

crashtest: release
	scripts/crashtest.sh

# A night through a real single-node Slurm cluster as a job array of 4 shards, compared
# with a single run byte for byte; installs slurm-wlm and munge when root and missing
# (not part of make test).
slurmtest: release
	scripts/slurmtest.sh

# The shared conformance kit, when it sits beside the project (not part of make test).
conformance: release
	scripts/conformance.sh $(CONFORMANCE)
	CDRATE_CONFORMANCE=$(abspath $(CONFORMANCE)) $(SWIFT) test --disable-swift-testing --filter Conformance

# Chromium renders the report pages headless; install Debian's when we can, else say how.
chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium (renders the report pages headless)"; apt-get update -qq && apt-get install -y -qq chromium; \
	  else \
	    echo "make report-check needs chromium: run 'sudo apt-get install chromium' and retry"; exit 1; \
	  fi; \
	fi

# The sample night's and its bill run's report pages, rendered headless into docs/img/
# (not part of make test).
report-check: release chromium
	scripts/report-check.sh

clean:
	rm -rf .build $(WORK)
