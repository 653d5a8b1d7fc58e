# Rapport - customer-service training simulator.
#
#   make          build ./rapport
#   make run      open the trainee window on the bundled scenarios
#   make test     install what is missing, build, run every test
#   make deps     install the Debian packages the build and tests need
#   make bench    benchmarks (not tests)
#   make echo     print the settings

CC      ?= cc
PKGS    := lua5.4 sdl2 SDL2_ttf SDL2_image sqlite3 libcjson libsodium
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -MMD -MP
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lm

# Debian packages: for building, and for the tests.
DEB_BUILD := build-essential pkg-config liblua5.4-dev libsdl2-dev libsdl2-ttf-dev \
             libsdl2-image-dev libsqlite3-dev libcjson-dev libsodium-dev
DEB_TEST  := lua5.4 python3 xvfb xauth graphviz

BUILD   := build
ENGINE  := $(wildcard engine/*.c)
OBJS    := $(ENGINE:engine/%.c=$(BUILD)/%.o)
LIBOBJS := $(filter-out $(BUILD)/main.o,$(OBJS))
TESTSRC := $(wildcard tests/unit/*.c)
TESTOBJS:= $(TESTSRC:tests/unit/%.c=$(BUILD)/tests/%.o)

.PHONY: all run test deps echo clean bench

all: rapport

rapport: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: engine/%.c | $(BUILD)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/unit/%.c | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD):
	@mkdir -p $(BUILD)

$(BUILD)/unit_tests: $(TESTOBJS) $(LIBOBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

deps:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_TEST)

run: deps
	@$(MAKE) --no-print-directory rapport
	./rapport

test: deps
	@$(MAKE) --no-print-directory rapport $(BUILD)/unit_tests
	@sh tests/run_all.sh

echo:
	@echo "CC      = $(CC)"
	@echo "CFLAGS  = $(CFLAGS) $(PKG_CFLAGS)"
	@echo "LDLIBS  = $(LDLIBS)"
	@echo "OBJS    = $(OBJS)"

clean:
	rm -rf $(BUILD) rapport

-include $(OBJS:.o=.d) $(TESTOBJS:.o=.d)
