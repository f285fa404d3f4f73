# The README's two commands: `make run` (install what is missing, build, run the demo) and
# `make test` (install what is missing, build, run every test). Everything else is CMake's.
BUILD_DIR ?= build
PACKAGES := cmake ninja-build g++ make pkg-config qt6-base-dev libgl-dev libgtest-dev \
            libbenchmark-dev python3 netcat-openbsd util-linux fonts-dejavu-core \
            fonts-noto-color-emoji iproute2 nftables
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps bench sanitize

# Two windows side by side, a server and a client already connected. (No display, as on a
# cloud VM? Run build/src/capsock --headless --server instead.)
run: build
	$(BUILD_DIR)/src/capsock --demo

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure --parallel 2

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR)

# Installs the Debian packages that are not installed yet (apt-get; sudo when not root).
deps:
	@missing=$$(for package in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$package 2>/dev/null | grep -q 'install ok installed' \
	    || echo $$package; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        --no-install-recommends $$missing; \
	fi

bench: build
	tests/bench/run_uppercaser.sh $(BUILD_DIR)

# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
	cmake --build build-sanitize
	ASAN_OPTIONS=detect_leaks=0 ctest --test-dir build-sanitize --output-on-failure --parallel 2
