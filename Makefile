# gopark: the two commands of the README, and a few more for developers.
#   make play    install what is missing, build, open the playground (the desktop app; without a
#                display, the runtime demo in the terminal)
#   make desktop install what is missing, build, open the desktop app (`gopark open`)
#   make demo    the runtime demo in the terminal (`gopark demo`)
#   make test    install what is missing, build every configuration, run every test
#   make bench   runtime benchmarks side by side with Go
# Everything is CMake presets underneath (CMakePresets.json); builds go to build/<preset>/.

SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: play desktop demo test bench deps build clean native tsan asan web

play:
	@cmake/deps.sh --play
	@$(MAKE) --no-print-directory native
	@if [[ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]]; then \
	  echo build/native/native/gopark open; build/native/native/gopark open; \
	else \
	  echo "make play: no display for the desktop app; the runtime demo in the terminal instead"; \
	  build/native/native/gopark demo; \
	fi

desktop:
	@cmake/deps.sh --play
	@$(MAKE) --no-print-directory native
	build/native/native/gopark open

demo:
	@cmake/deps.sh --play
	@$(MAKE) --no-print-directory native
	build/native/native/gopark demo

test:
	@cmake/deps.sh
	@cmake/test.sh

bench:
	@cmake/deps.sh
	@$(MAKE) --no-print-directory native
	tests/bench/run.sh build/native

deps:
	@cmake/deps.sh

build: native

native tsan asan web:
	@cmake --preset $@ >/dev/null
	@cmake --build --preset $@ -j $(JOBS)

clean:
	rm -rf build
