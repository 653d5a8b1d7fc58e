/*
 * test_utf8_text.c - Markus Kuhn's UTF-8 decoder stress test
 * ($RAPPORT_SHARED/testdata/UTF-8-test.txt): every line, malformed
 * sequences and all, goes through rp_utf8_sanitize() and rp_wrap() with a
 * fake measure function, at several widths, and must come out valid,
 * complete and inside its lines (the checks are fuzz_wrap.c's).
 */
#include "test.h"
#include "layout.h"
#include "util.h"
#include "../fuzz/fuzz.h"

#include <stdlib.h>

TEST(utf8_test_file_sanitizes_and_wraps_line_by_line)
{
    const char *shared = getenv("RAPPORT_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/testdata/UTF-8-test.txt", shared && *shared ? shared : "../shared");
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "  cannot open %s (set RAPPORT_SHARED to the shared folder)\n", path);
        test_failures++;
        return;
    }
    static const int widths[] = { 0, 1, 5, 17, 40, 79, 200 };
    char line[4096];
    int lines = 0, replaced = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);         /* the file has no NUL bytes */
        char *clean = rp_utf8_sanitize(line, len);
        REQUIRE(clean != NULL);
        size_t clen = strlen(clean);
        CHECK(rp_utf8_invalid_at(clean, clen) == -1);
        CHECK(clen <= len * 3);
        replaced += strstr(clean, "\xEF\xBF\xBD") != NULL;
        for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
            rp_fuzz_wrap_text(clean, widths[w], (int)(w % 3));
        free(clean);
        lines++;
    }
    fclose(f);
    CHECK(lines > 250);
    CHECK(replaced > 50);                  /* the malformed sections were really exercised */
}

TEST(utf8_test_file_wraps_as_one_text)
{
    const char *shared = getenv("RAPPORT_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/testdata/UTF-8-test.txt", shared && *shared ? shared : "../shared");
    size_t len;
    char err[256];
    char *all = rp_read_file(path, 1 << 20, &len, err, sizeof err);
    if (all == NULL) {
        fprintf(stderr, "  %s: %s\n", path, err);
        test_failures++;
        return;
    }
    char *clean = rp_utf8_sanitize(all, len);
    REQUIRE(clean != NULL);
    CHECK(rp_utf8_invalid_at(clean, strlen(clean)) == -1);
    rp_fuzz_wrap_text(clean, 60, 1);
    rp_fuzz_wrap_text(clean, 3, 2);
    free(clean);
    free(all);
}
