# gopark: the two commands of the README, and a few more for developers.
#   make play    install what is missing, build the web playground and serve it at
#                http://127.0.0.1:8000/ (with the headers that give its Web Workers shared memory)
#   make desktop install what is missing, build, open the desktop app (`gopark open`)
#   make demo    the runtime demo in the terminal (`gopark demo`)
#   make test    install what is missing, build every configuration, run every test
#   make bench   benchmarks side by side with Go and Lua, and the web build against the native one
# Everything is CMake presets underneath (CMakePresets.json); builds go to build/<preset>/.

SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: play desktop demo test bench deps build clean native tsan asan web

play:
	@cmake/deps.sh --play
	@cmake --preset web >/dev/null
	@cmake --build --preset web --target gopark_web -j $(JOBS)
	@web/serve.py build/web/web

desktop:
	@cmake/deps.sh --desktop
	@$(MAKE) --no-print-directory native
	@if [[ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]]; then \
	  echo build/native/native/gopark open; build/native/native/gopark open; \
	else \
	  echo "make desktop: no display for the desktop app; the runtime demo in the terminal instead"; \
	  build/native/native/gopark demo; \
	fi

demo:
	@cmake/deps.sh --desktop
	@$(MAKE) --no-print-directory native
	build/native/native/gopark demo

test:
	@cmake/deps.sh
	@cmake/test.sh

bench:
	@cmake/deps.sh
	@$(MAKE) --no-print-directory native
	@$(MAKE) --no-print-directory web
	tests/bench/run.sh build/native

deps:
	@cmake/deps.sh

build: native

native tsan asan web:
	@cmake --preset $@ >/dev/null
	@cmake --build --preset $@ -j $(JOBS)

clean:
	rm -rf build
