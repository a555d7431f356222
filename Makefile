# The two commands of the quick start, and a few helpers.
#   make demo   install what is missing, Release build, run the main job on the bundled sample
#   make test   install what is missing, sanitizer build, run every test with CTest
JOBS ?= $(shell nproc)
BUILD_RELEASE := build/release
BUILD_TEST := build/asan
WERROR := $(if $(CI),ON,OFF)

BUILD_PLAIN := build/plain-cli

.PHONY: demo test oom-test fuzz setup release asan bench clean format tidy

setup:
	@scripts/setup

release: setup
	@cmake -S . -B $(BUILD_RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DREDOUBT_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD_RELEASE) -j $(JOBS)

asan: setup
	@cmake -S . -B $(BUILD_TEST) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREDOUBT_SANITIZE=ON -DREDOUBT_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD_TEST) -j $(JOBS)

demo: release
	@scripts/demo $(BUILD_RELEASE)/redoubt

test: asan
	@cd $(BUILD_TEST) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# The out-of-memory tests run redoubt under `ulimit -v`, where a sanitized binary
# cannot start: they run against a CLI built without sanitizers and without
# optimisation (it compiles in about half the time of -O3; the test build already
# has every warning as an error), tested by the same test binary.
oom-test: asan
	@cmake -S . -B $(BUILD_PLAIN) -G Ninja -DCMAKE_BUILD_TYPE=None -DREDOUBT_BUILD_TESTS=OFF \
	  -DREDOUBT_BUILD_BENCH=OFF -DREDOUBT_WERROR=OFF >/dev/null
	@cmake --build $(BUILD_PLAIN) --target redoubt_cli -j $(JOBS)
	@REDOUBT_TEST_BINARY=$(CURDIR)/$(BUILD_PLAIN)/redoubt $(BUILD_TEST)/tests/cli_test \
	  --gtest_filter='OutOfMemory.*:Streams.*' --gtest_brief=1

# libFuzzer harnesses (fuzz/README.md), built with Debian's clang in their own
# folder; each runs FUZZ_SECONDS (default 60): make fuzz FUZZ_SECONDS=3600
BUILD_FUZZ := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES := inventory_json inventory_yaml standard scenario alliance changes graphml csv \
  opencellid assign vendors
fuzz: setup
	@cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DREDOUBT_FUZZ=ON -DREDOUBT_BUILD_TESTS=OFF \
	  -DREDOUBT_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_HARNESSES))
	@FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run $(BUILD_FUZZ)

bench: release
	@bench/run $(BUILD_RELEASE)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

tidy: release
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p $(BUILD_RELEASE) --quiet

clean:
	@rm -rf build
