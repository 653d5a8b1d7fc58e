/*
 * fuzz_wrap.c - text that reaches the window: rp_utf8_sanitize() on any
 * bytes, then rp_wrap() with a fake measure function.
 *
 * Input: byte 0 and 1 give the width of the line (0..1023 units), byte 2
 * picks the fake font; the rest is the text. Checked: the sanitized text
 * is valid UTF-8 with no control characters but newline and tab; every
 * line lies inside the text, on character boundaries, in order, without a
 * newline or a leading space, measures what it says, and is no wider than
 * the line unless it is a single character; and no character other than
 * a space or a newline is left out.
 */
#include "fuzz.h"
#include "layout.h"
#include "util.h"

#include <string.h>

typedef struct {
    int font;           /* 0: 1 unit a byte; 1: proportional; 2: proportional plus kerning pad */
    long calls;
} fake_font;

/* Bytes in the UTF-8 character at s (1 for anything malformed). */
static size_t fz_char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static int char_width(const fake_font *f, const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (f->font == 0)
        return (int)n;
    if (c == '\t')
        return 32;
    if (n > 1)
        return n == 4 ? 24 : 14;          /* wide: CJK, emoji */
    if (c == 'i' || c == 'l' || c == '.' || c == ' ')
        return 3;
    if (c == 'W' || c == 'M')
        return 11;
    return 7;
}

static int measure(void *ctx, const char *text, size_t len)
{
    fake_font *f = ctx;
    f->calls++;
    int w = 0;
    for (size_t i = 0; i < len; ) {
        size_t n = fz_char_len(text + i);
        if (n > len - i)
            n = len - i;
        w += char_width(f, text + i, n);
        i += n;
    }
    if (f->font == 2 && len > 0)
        w += 2;                           /* side bearings: not additive, still monotone */
    return w;
}

static int is_boundary(const char *text, size_t at)
{
    return ((unsigned char)text[at] & 0xC0) != 0x80;
}

static void check_text(const char *text, size_t in_len)
{
    size_t len = strlen(text);
    FUZZ_CHECK(len <= in_len * 3);
    FUZZ_CHECK(rp_utf8_invalid_at(text, len) == -1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        FUZZ_CHECK(c >= 0x20 || c == '\n' || c == '\t');
        FUZZ_CHECK(c != 0x7F);
    }
    size_t chars = rp_utf8_count(text);
    FUZZ_CHECK(chars <= len);
    FUZZ_CHECK(rp_utf8_prefix(text, chars) == len);
    FUZZ_CHECK(rp_utf8_prefix(text, chars + 5) == len);
    if (chars > 0)
        FUZZ_CHECK(is_boundary(text, rp_utf8_prefix(text, chars / 2)));
}

void rp_fuzz_wrap_text(const char *text, int max_width, int font)
{
    fake_font f = { font, 0 };
    size_t len = strlen(text);
    int n = rp_wrap(text, max_width, measure, &f, NULL, 0);
    FUZZ_CHECK(n >= 1);
    FUZZ_CHECK((size_t)n <= len + 1);
    rp_line *lines = calloc((size_t)n + 1, sizeof *lines);
    FUZZ_CHECK(lines != NULL);
    lines[n].start = 12345;                       /* must stay untouched */
    FUZZ_CHECK(rp_wrap(text, max_width, measure, &f, lines, n) == n);
    FUZZ_CHECK(lines[n].start == 12345);
    unsigned char *covered = calloc(len + 1, 1);
    size_t prev_end = 0;
    for (int i = 0; i < n; i++) {
        const rp_line *ln = &lines[i];
        FUZZ_CHECK(ln->start <= len && ln->len <= len - ln->start);
        FUZZ_CHECK(ln->start >= prev_end);        /* in order, never overlapping */
        prev_end = ln->start + ln->len;
        FUZZ_CHECK(memchr(text + ln->start, '\n', ln->len) == NULL);
        if (ln->len == 0) {
            FUZZ_CHECK(ln->width == 0);
            continue;
        }
        FUZZ_CHECK(text[ln->start] != ' ');
        FUZZ_CHECK(is_boundary(text, ln->start));
        FUZZ_CHECK(ln->start + ln->len == len || is_boundary(text, ln->start + ln->len));
        FUZZ_CHECK(ln->width == measure(&f, text + ln->start, ln->len));
        if (ln->width > max_width)                /* only a single character may overflow */
            FUZZ_CHECK(fz_char_len(text + ln->start) >= ln->len);
        memset(covered + ln->start, 1, ln->len);
    }
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n' && !covered[i]) {
            fprintf(stderr, "byte %zu (0x%02X) of the text is on no line\n", i, (unsigned char)text[i]);
            FUZZ_CHECK(covered[i]);
            break;
        }
    /* a caller with room for fewer lines gets the same first lines */
    if (n > 1) {
        rp_line *few = calloc((size_t)n, sizeof *few);
        FUZZ_CHECK(rp_wrap(text, max_width, measure, &f, few, n / 2) == n);
        FUZZ_CHECK(memcmp(few, lines, sizeof *few * (size_t)(n / 2)) == 0);
        free(few);
    }
    free(covered);
    free(lines);
}

int rp_fuzz_wrap(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    int max_width = ((data[0] << 8) | data[1]) & 1023;
    int font = data[2] % 3;
    data += 3;
    size -= 3;
    char *text = rp_utf8_sanitize((const char *)data, size);
    FUZZ_CHECK(text != NULL);
    check_text(text, size);
    rp_fuzz_wrap_text(text, max_width, font);
    free(text);
    return 0;
}

#ifndef RP_FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rp_fuzz_wrap(data, size);
}
#endif
