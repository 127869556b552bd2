# gopark: the two commands of the README, and a few more for developers.
#   make play    install what is missing, build, run the playground (for now: a runtime demo in the terminal)
#   make test    install what is missing, build every configuration, run every test
#   make bench   runtime benchmarks side by side with Go
# Everything is CMake presets underneath (CMakePresets.json); builds go to build/<preset>/.

SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: play test bench deps build clean native tsan asan web

play:
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
