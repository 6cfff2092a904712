# ClusterShift — the README's commands. `make demo` and `make test` do the whole setup.
BUILD ?= build
JOBS ?= $(shell nproc)
OUT ?= $(CURDIR)/out/demo
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps deps-demo configure configure-demo build build-demo demo test test-core test-qgis test-cli test-desktop test-postgis qgis install package test-package sample-data bench bench-national format format-check core-check clean check-asan fuzz

all: build

deps:
	@bash scripts/install-deps.sh

# Only the packages the demo needs (no QGIS desktop, PostgreSQL, Xvfb or test tools).
deps-demo:
	@bash scripts/install-deps.sh demo

# Debug information: line tables (-g1; backtraces, perf and sanitizer reports keep file and line)
# compile about a third faster than full -g (measured on core and layers files); DEBUG_INFO=-g for
# a debugger's variables.
DEBUG_INFO ?= -g1
CONFIGURE = cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 $(DEBUG_INFO) -DNDEBUG" \
	  -DCMAKE_INSTALL_PREFIX=$(PREFIX) >$(BUILD).configure.log 2>&1 \
	  || { cat $(BUILD).configure.log; exit 1; }

configure: deps
	@$(CONFIGURE)

configure-demo: deps-demo
	@$(CONFIGURE)

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Only what the demo runs: the clustershift command and its libraries (no tests, plugin or
# benchmarks) after only the demo's packages; `make test` and `make build` install and build the rest.
build-demo: configure-demo
	@cmake --build $(BUILD) -j$(JOBS) --target clustershift

demo: build-demo
	@$(BUILD)/cli/clustershift demo --out $(OUT)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j1 --timeout 900

test-core: build
	@cd $(BUILD) && ctest --output-on-failure -L core

test-qgis: build
	@cd $(BUILD) && ctest --output-on-failure -L qgis

test-cli: build
	@cd $(BUILD) && ctest --output-on-failure -L cli

test-desktop: build
	@cd $(BUILD) && ctest --output-on-failure -L desktop

test-postgis: build
	@cd $(BUILD) && ctest --output-on-failure -L postgis

qgis: build demo
	@bash scripts/run-qgis.sh $(BUILD) $(OUT)

install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD)

# A Debian package (CPack) for prefix /usr: the build is reconfigured for /usr (a later `make test`
# or `make install` reconfigures it back for $(PREFIX); ccache keeps both cheap).
package:
	@$(MAKE) --no-print-directory build PREFIX=/usr
	@cd $(BUILD) && rm -f clustershift_*.deb && cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
	@ls $(BUILD)/clustershift_*.deb

# Installs that package with apt (root or sudo), runs /usr/bin/clustershift demo, then removes it.
test-package: package
	@bash scripts/test-package.sh $(BUILD)

sample-data:
	@bash sample_data/generator/generate.sh

bench: build
	@bash scripts/run-bench.sh $(BUILD)

# Whole run at national size (2,850 regions x 20,000 sites), medians of 3, with the baselines.
bench-national: build
	@bash bench/national/run.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

# ASan + UBSan build in build-asan (gcc), then the core and cli test labels under it.
check-asan: deps
	@bash scripts/check-asan.sh build-asan $(JOBS)

# libFuzzer targets in build-fuzz (clang, core only); FUZZ_SECONDS per target, corpora in fuzz/corpus.
FUZZ_SECONDS ?= 60
fuzz: deps
	@bash scripts/fuzz.sh build-fuzz $(JOBS) $(FUZZ_SECONDS)

# Formatting (.clang-format). Default: the lines changed since FORMAT_BASE (the merge base
# with main; nothing to check when there is none), through git clang-format. FORMAT_FILES=...
# or FORMAT_ALL=1 (every tracked file, once the tree has had its one reformat commit):
# clang-format --dry-run -Werror over whole files.
FORMAT_BASE ?= $(shell git merge-base HEAD main 2>/dev/null)
format-check: deps
	@if [ -n "$(FORMAT_ALL)$(FORMAT_FILES)" ]; then \
	  files="$(FORMAT_FILES)"; [ -z "$(FORMAT_ALL)" ] || files=$$(git ls-files '*.cpp' '*.h'); \
	  clang-format --dry-run -Werror $$files && echo "format-check: $$(echo $$files | wc -w) file(s) formatted"; \
	elif [ -z "$(FORMAT_BASE)" ]; then echo "format-check: no base to compare with; nothing checked"; \
	else out=$$(git clang-format --diff --extensions cpp,h $(FORMAT_BASE) 2>&1); \
	  if echo "$$out" | grep -q '^diff '; then echo "$$out"; \
	    echo "format-check: changed lines are not formatted (git clang-format $(FORMAT_BASE))"; exit 1; \
	  else echo "format-check: changed lines formatted"; fi; fi

# Core alone, without QGIS (proves the one-way dependency), and its tests, built with ASan + UBSan
# (-O1 -g1, like check-asan): CI's sanitizer run of the core label at no extra build. Any sanitizer
# report fails the test that triggered it (-fno-sanitize-recover=all, halt_on_error); leaks too.
core-check: deps
	@cmake -S . -B $(BUILD)-core -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DCLUSTERSHIFT_WITH_QGIS=OFF \
	  -DCLUSTERSHIFT_WITH_BENCH=OFF -DCLUSTERSHIFT_SANITIZE=ON >$(BUILD)-core.configure.log 2>&1 \
	  || { cat $(BUILD)-core.configure.log; exit 1; }
	@cmake --build $(BUILD)-core -j$(JOBS) --target core_tests
	@cd $(BUILD)-core && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 ctest --output-on-failure -L core -j$(JOBS) --timeout 900

clean:
	@rm -rf $(BUILD) $(BUILD).configure.log $(BUILD)-core $(BUILD)-core.configure.log out build-asan build-fuzz
