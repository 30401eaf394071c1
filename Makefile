# GroupChart: the two commands of the README are `make demo` and `make test`.
SWIFT   ?= swift
EXAMPLE := examples/dbt-skills
BIN     := .build/debug/groupchart

.PHONY: all deps build demo test clean

all: build

## deps: install what is missing (libcmark, pkg-config)
deps:
	@scripts/install-deps.sh

## build: compile the groupchart command
build: deps
	$(SWIFT) build --product groupchart

## demo: build, then check the example practice
demo: build
	@echo "== groupchart check $(EXAMPLE)"
	@$(BIN) check $(EXAMPLE); status=$$?; \
	  echo ""; \
	  echo "The example practice is $(EXAMPLE)/; the command is $(BIN)."; \
	  echo "Try: $(BIN) explain    (the rule catalogue)"; \
	  exit $$status

## test: every unit, fixture and end-to-end test
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean:
	rm -rf .build
