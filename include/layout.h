/*
 * layout.h - text layout that knows nothing of fonts: UTF-8 clean-up and
 * word wrapping against a width measured by the caller.
 *
 * The window measures with SDL_ttf; tests and fuzzers measure with a fake.
 * Wrapping breaks at spaces, keeps explicit newlines, and breaks a word
 * that is wider than the line between characters, never inside one, so no
 * line is ever wider than max_width (unless a single character is).
 */
#ifndef RAPPORT_LAYOUT_H
#define RAPPORT_LAYOUT_H

#include <stddef.h>

/* Width in pixels of text[0..len). */
typedef int (*rp_measure_fn)(void *ctx, const char *text, size_t len);

typedef struct {
    size_t start, len;       /* byte range of the line in the text (no trailing space) */
    int width;
} rp_line;

/*
 * Wraps text into at most max_lines lines of at most max_width pixels.
 * Returns the number of lines the whole text needs (which may be more than
 * max_lines: only the first max_lines are filled in).
 */
int rp_wrap(const char *text, int max_width, rp_measure_fn measure, void *ctx,
            rp_line *lines, int max_lines);

/*
 * A copy of s that is valid UTF-8: each invalid byte becomes U+FFFD, and
 * control characters other than newline and tab are dropped. Caller frees.
 */
char *rp_utf8_sanitize(const char *s, size_t len);

/* Bytes in the first n characters of s (stops at the end). */
size_t rp_utf8_prefix(const char *s, size_t n);
/* Characters in s. */
size_t rp_utf8_count(const char *s);

#endif
