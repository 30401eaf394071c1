# GroupChart: the two commands of the README are `make demo` and `make test`.
SWIFT   ?= swift
EXAMPLE := examples/dbt-skills
BIN     := .build/debug/groupchart
# On Linux the release binary carries the Swift runtime and Foundation in
# itself: it starts in about half the time (8 to 10 against 15 ms: the
# dynamic linker's work), which a check or a build after an edit feels, and
# it runs where no Swift is installed (docs/performance.md). macOS keeps the
# system's Swift runtime, which cannot be linked in.
RELEASE := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)

.PHONY: all deps test-tools build release demo test equivalence fuzz templates bench clean

all: build

## deps: install what is missing (libcmark, pkg-config)
deps:
	@scripts/install-deps.sh

## test-tools: install what the browser, validator and X12 tests need
test-tools:
	@scripts/install-test-tools.sh

## build: compile the groupchart command
build: deps
	$(SWIFT) build --product groupchart

## release: the optimised command, .build/release/groupchart (copy it anywhere on your PATH)
release: deps
	$(SWIFT) build -c release --product groupchart $(RELEASE)

## templates: embed templates/*.mustache into the program after editing them
templates:
	@scripts/embed-templates.py

## demo: build, then compile the example practice into $(EXAMPLE)/build
demo: build
	@echo "== groupchart build $(EXAMPLE)"
	@$(BIN) build $(EXAMPLE); status=$$?; \
	  echo ""; \
	  echo "Open $(EXAMPLE)/build/index.html in a browser: the dashboard (with the claims pipeline), session packets and member charts."; \
	  echo "The next batch of claims is $(EXAMPLE)/build/claims.837, listed in batch.csv; the README's \"A biller's week\" submits it."; \
	  echo "The command is $(BIN); try $(BIN) explain for the rule catalogue."; \
	  echo "To see the records and their problems in a browser as you edit the notes, run: $(BIN) serve $(EXAMPLE)"; \
	  exit $$status

## test: every unit, fixture, golden and end-to-end test, with the external tools they need
# The test tools' virtual environment (where pip could not install) and
# Homebrew's keg-only openjdk, first on the PATH; neither exists on Debian.
TEST_PATH := $(CURDIR)/.build/test-tools/bin:$(shell command -v brew >/dev/null 2>&1 && echo "$$(brew --prefix openjdk 2>/dev/null)/bin:")$(PATH)

test: deps test-tools
	$(SWIFT) build --build-tests
	PATH="$(TEST_PATH)" GROUPCHART_REQUIRE_TOOLS=1 $(SWIFT) test

## equivalence: compare incremental and cold builds after many random edits (EDITS, default 2000; SEEDS, default 1,2,3)
equivalence: deps
	GROUPCHART_EQUIVALENCE_EDITS=$${EDITS:-2000} GROUPCHART_EQUIVALENCE_SEEDS=$${SEEDS:-1,2,3} $(SWIFT) test --filter IncrementalEquivalenceTests

## bench: time check and build on practices of 5,000 to 20,000 notes against the cmark CLI
bench: release
	@command -v cmark >/dev/null 2>&1 || scripts/install-deps.sh --cmark-cli
	bench/run.py

## fuzz: run the libFuzzer fuzzers of Fuzz/ for FUZZ_SECONDS each (default 60; Linux only)
fuzz: deps
	@scripts/fuzz.sh

clean:
	rm -rf .build .build-fuzz
