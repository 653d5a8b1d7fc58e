# Rapport - customer-service training simulator.
#
#   make          build ./rapport and ./rapport-window
#
# Two programs: `rapport` (every command line tool; no SDL, so it starts in
# a millisecond or two) and `rapport-window` (the trainee window), which
# `rapport` runs for the window commands.
#   make run      open the trainee window on the bundled scenarios
#   make test     install what is missing, build, run every test
#   make deps     install the Debian packages the build and tests need
#   make bench    benchmarks (not tests)
#   make echo     print the settings

CC      ?= cc
CORE_PKGS   := lua5.4 sqlite3 libcjson libsodium
DLOPEN_PKGS := libcurl libpq SDL2_image   # headers only: loaded with dlopen when needed (see include/dynlib.h)
WINDOW_PKGS := sdl2 SDL2_ttf
PKGS    := $(CORE_PKGS) $(WINDOW_PKGS)
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -MMD -MP
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(DLOPEN_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CORE_LIBS  := $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lm
LDLIBS  += $(PKG_LIBS) -lm

# Debian packages: for building, and for the tests.
DEB_BUILD := build-essential pkg-config liblua5.4-dev libsdl2-dev libsdl2-ttf-dev \
             libsdl2-image-dev libsqlite3-dev libcjson-dev libsodium-dev libcurl4-openssl-dev \
             libpq-dev
DEB_TEST  := lua5.4 python3 xvfb xauth graphviz xdotool sqlite3 imagemagick chromium postgresql nodejs valgrind $(if $(shell command -v npm 2>/dev/null),,npm)

BUILD   := build
ENGINE  := $(wildcard engine/*.c)
OBJS    := $(ENGINE:engine/%.c=$(BUILD)/%.o)
MAINS   := $(BUILD)/main.o $(BUILD)/window_main.o
WINDOW_OBJS := $(patsubst engine/%.c,$(BUILD)/%.o,$(wildcard engine/gui_*.c) engine/draw.c engine/settings.c)
LIBOBJS := $(filter-out $(MAINS),$(OBJS))
CORE_OBJS := $(filter-out $(WINDOW_OBJS),$(LIBOBJS))
TESTSRC := $(wildcard tests/unit/*.c)
TESTOBJS:= $(TESTSRC:tests/unit/%.c=$(BUILD)/tests/%.o)

.PHONY: all run test deps echo clean bench screenshots

all: rapport rapport-window

rapport: $(BUILD)/rapport
	@cp $< $@
rapport-window: $(BUILD)/rapport-window
	@cp $< $@

$(BUILD)/rapport: $(BUILD)/main.o $(CORE_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(BUILD)/rapport-window: $(BUILD)/window_main.o $(LIBOBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: engine/%.c | $(BUILD)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/unit/%.c | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD):
	@mkdir -p $(BUILD)

$(BUILD)/unit_tests: $(TESTOBJS) $(LIBOBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs SDL2_image 2>/dev/null)

deps:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_TEST)

run: deps
	@$(MAKE) --no-print-directory rapport rapport-window
	./rapport

test: deps
	@$(MAKE) --no-print-directory rapport rapport-window $(BUILD)/unit_tests
	@sh tests/run_all.sh

screenshots: rapport rapport-window
	@sh tests/tools/screenshots.sh

echo:
	@echo "CC      = $(CC)"
	@echo "CFLAGS  = $(CFLAGS) $(PKG_CFLAGS)"
	@echo "LDLIBS  = $(LDLIBS)"
	@echo "OBJS    = $(OBJS)"

clean:
	rm -rf $(BUILD) rapport rapport-window

-include $(OBJS:.o=.d) $(TESTOBJS:.o=.d)

bench: rapport
	sh bench/bench.sh

# ---- hardening: fuzzing and sanitizers (tests/fuzz/README.md) ---------------
#
#   make fuzz            builds the libFuzzer targets into build/fuzz/ (clang) and
#                        runs each for FUZZ_SECONDS; crashes go to build/fuzz/crashes/
#   make test-sanitize   builds everything into build/san/ with AddressSanitizer and
#                        UndefinedBehaviorSanitizer and runs the whole suite on it

.PHONY: fuzz fuzz-build test-sanitize

FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_TARGETS := fuzz_loader fuzz_choices fuzz_wrap
FUZZ_LIBSRC  := $(addprefix engine/,scenario_load.c scenario_call.c sandbox.c source_map.c \
                session.c explore.c choices.c layout.c util.c scorecard.c)
FUZZ_PKGS    := lua5.4 libcjson libsodium libcrypto
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer -std=c11 -D_GNU_SOURCE -Iinclude -Itests/fuzz \
                $(shell pkg-config --cflags $(FUZZ_PKGS) 2>/dev/null)

$(FUZZ_TARGETS:%=$(FUZZ_DIR)/%): $(FUZZ_DIR)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_LIBSRC) $(wildcard include/*.h)
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs $(FUZZ_CC) with libFuzzer:" \
	    "sudo apt-get install -y clang libclang-rt-14-dev"; exit 1; }
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIBSRC) $(shell pkg-config --libs $(FUZZ_PKGS)) -lm

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    n=$${t#fuzz_}; dict=; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
	    extra=; [ $$n = loader ] && extra="scenarios tests/data"; \
	    mkdir -p $(FUZZ_DIR)/corpus/$$n $(FUZZ_DIR)/crashes/$$n; \
	    echo "== $$t for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_DIR)/crashes/$$n/ $$dict $(FUZZ_DIR)/corpus/$$n tests/fuzz/corpus/$$n $$extra \
	        || { echo "$$t found a problem: see $(FUZZ_DIR)/crashes/$$n/ and tests/fuzz/README.md"; exit 1; }; \
	done

SAN_BUILD := $(BUILD)/san
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

# The sub-make takes CFLAGS from the environment, so the flags above are added to, not replaced.

test-sanitize: deps
	@CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" $(MAKE) --no-print-directory BUILD=$(SAN_BUILD) \
	    $(SAN_BUILD)/rapport $(SAN_BUILD)/rapport-window $(SAN_BUILD)/unit_tests
	@ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 RAPPORT_SANITIZED=1 \
	    RAPPORT_BIN=./$(SAN_BUILD)/rapport UNIT_BIN=./$(SAN_BUILD)/unit_tests sh tests/run_all.sh
