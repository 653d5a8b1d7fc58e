/*
 * test_fuzz_replay.c - the fuzz targets as unit tests: every seed in
 * tests/fuzz/corpus/<target>/ and every input a fuzzer ever crashed on,
 * kept in tests/fuzz/regressions/<target>/, is run through the same
 * harness code (included below), with FUZZ_CHECK counting failures
 * instead of aborting. A crash here is a regression.
 */
#include "test.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>

#define RP_FUZZ_NO_MAIN
#define FUZZ_CHECK(cond) do {                                                 \
    if (!(cond)) {                                                            \
        fprintf(stderr, "  %s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        test_failures++;                                                      \
    } } while (0)
#include "../fuzz/fuzz_loader.c"
#include "../fuzz/fuzz_choices.c"
#include "../fuzz/fuzz_wrap.c"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs `one` on every file of dir; returns how many, or -1 when dir cannot be read. */
static int replay_dir(const char *dir, int (*one)(const uint8_t *, size_t))
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    char **names = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL; ) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        names = realloc(names, sizeof *names * (size_t)(n + 1));
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, (size_t)n, sizeof *names, by_name);
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        if (f == NULL) {
            fprintf(stderr, "  cannot read %s\n", path);
            test_failures++;
            continue;
        }
        uint8_t *buf = NULL;
        size_t len = 0, cap = 0, got;
        do {
            if (len == cap) {
                cap = cap ? cap * 2 : 65536;
                buf = realloc(buf, cap);
            }
            got = fread(buf + len, 1, cap - len, f);
            len += got;
        } while (got > 0);
        fclose(f);
        int before = test_failures;
        one(buf, len);
        if (test_failures != before)
            fprintf(stderr, "  ^ while replaying %s\n", path);
        free(buf);
        free(names[i]);
    }
    free(names);
    return n;
}

static void replay(const char *target, int (*one)(const uint8_t *, size_t))
{
    char dir[256];
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", target);
    int seeds = replay_dir(dir, one);
    if (seeds <= 0) {
        fprintf(stderr, "  no seeds in %s (run the tests from the top of the tree)\n", dir);
        test_failures++;
    }
    snprintf(dir, sizeof dir, "tests/fuzz/regressions/%s", target);
    replay_dir(dir, one);                  /* may be empty: nothing ever crashed */
}

TEST(fuzz_replay_loader)
{
    replay("loader", rp_fuzz_loader);
    /* the loader's seeds also include the bundled library and the test scenarios */
    CHECK(replay_dir("scenarios", rp_fuzz_loader) >= 12);
    CHECK(replay_dir("tests/data", rp_fuzz_loader) > 0);
}

TEST(fuzz_replay_choices)
{
    replay("choices", rp_fuzz_choices);
}

TEST(fuzz_replay_wrap)
{
    replay("wrap", rp_fuzz_wrap);
}
