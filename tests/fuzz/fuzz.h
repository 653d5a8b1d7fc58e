/*
 * fuzz.h - the fuzz targets' entry points.
 *
 * Each tests/fuzz/fuzz_*.c defines one rp_fuzz_*() that runs a single
 * input and checks the invariants with FUZZ_CHECK, plus libFuzzer's
 * LLVMFuzzerTestOneInput (left out when RP_FUZZ_NO_MAIN is defined, so
 * that tests/unit/test_fuzz_replay.c can include the targets and replay
 * the corpus and every kept crasher as ordinary unit tests).
 *
 * FUZZ_CHECK(cond) aborts by default, which is what libFuzzer wants; the
 * unit test defines it to record a failure instead.
 */
#ifndef RAPPORT_FUZZ_H
#define RAPPORT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef FUZZ_CHECK
#define FUZZ_CHECK(cond) do {                                                 \
    if (!(cond)) {                                                            \
        fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        abort();                                                              \
    } } while (0)
#endif

int rp_fuzz_loader(const uint8_t *data, size_t size);    /* rp_scenario_load_buffer, then play */
int rp_fuzz_choices(const uint8_t *data, size_t size);   /* rp_choices_parse / rp_choices_read */
int rp_fuzz_wrap(const uint8_t *data, size_t size);      /* rp_utf8_sanitize + rp_wrap */
/* Wraps clean text at max_width with fake font 0..2 and checks every line (see fuzz_wrap.c). */
void rp_fuzz_wrap_text(const char *text, int max_width, int font);

#endif
