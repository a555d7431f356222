# The two commands of the quick start, and a few helpers.
#   make demo   install what is missing, Release build, run the main job on the bundled sample
#   make test   install what is missing, sanitizer build, run every test with CTest
JOBS ?= $(shell nproc)
BUILD_RELEASE := build/release
BUILD_TEST := build/asan
WERROR := $(if $(CI),ON,OFF)

.PHONY: demo test setup release asan bench clean format tidy

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

bench: release
	@bench/run $(BUILD_RELEASE)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

tidy: release
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p $(BUILD_RELEASE) --quiet

clean:
	@rm -rf build
