# evalrun — two commands do all set-up on a fresh Debian machine:
#   make demo   the whole pipeline on the bundled demo data, report in reports/demo/
#   make test   the test suite
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev libsqlite3-dev libxlsxwriter-dev python3-openpyxl python3-xlsxwriter
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: demo test build release deps check-drift lint bench growth clean

# Installs the system libraries when they are missing (apt-get, as root or with sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	$(SWIFT) run --skip-build evalrun demo --out reports/demo
	@echo "report written to reports/demo/report.md (tables in reports/demo/tables, summary in reports/demo/summary.json)"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Regenerates the demo report and fails if it differs from the committed one.
check-drift: build
	$(SWIFT) run --skip-build evalrun demo --out reports/demo --quiet
	git diff --exit-code -- reports/demo

# Style: the .swift-format rules (NeverForceUnwrap, NeverUseForceTry, …), and no file importing
# one of the project's modules it does not use (scripts/lint-imports.py); fails on any finding.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Benchmarks/Sources
	python3 scripts/lint-imports.py Sources

# evalrun against an analyst's Python script on generated programmes (not in CI;
# BENCH_SIZES="S L XL", BENCH_RUNS=3, BENCH_PEER_SIZES="S L", EVALRUN_BIN=PATH): checks the
# script's headline numbers against evalrun's on S, writes the top section of Benchmarks/RESULTS.md.
bench: deps
	bash Benchmarks/bench.sh

# Fails when import, report or compare grows faster than linearly with the
# programme (two generated sizes, 4× apart; about a minute; not in CI).
growth: deps
	bash Benchmarks/growth.sh

clean:
	rm -rf .build
