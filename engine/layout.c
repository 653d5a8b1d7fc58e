/* layout.c - see layout.h. */
#include "layout.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Length of the UTF-8 character at s (1 for anything malformed). */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

char *rp_utf8_sanitize(const char *s, size_t len)
{
    char *out = malloc(len * 3 + 1);      /* each bad byte may grow to 3 */
    size_t o = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\n' && c != '\t') { i++; continue; }
        if (c == 0x7F) { i++; continue; }
        size_t n = len - i >= 4 ? 4 : len - i;
        char buf[5] = { 0 };
        memcpy(buf, s + i, n);
        size_t cl = char_len(buf);
        if (cl > n || rp_utf8_invalid_at(s + i, cl) >= 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);  /* U+FFFD */
            o += 3;
            i++;
            continue;
        }
        memcpy(out + o, s + i, cl);
        o += cl;
        i += cl;
    }
    out[o] = '\0';
    return out;
}

size_t rp_utf8_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (n-- > 0 && s[i])
        i += char_len(s + i);
    return i;
}

size_t rp_utf8_count(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i += char_len(s + i))
        n++;
    return n;
}

static void emit(rp_line *lines, int max_lines, int n, size_t start, size_t len, int width)
{
    if (n < max_lines) {
        lines[n].start = start;
        lines[n].len = len;
        lines[n].width = width;
    }
}

int rp_wrap(const char *text, int max_width, rp_measure_fn measure, void *ctx,
            rp_line *lines, int max_lines)
{
    int n = 0;
    size_t pos = 0, total = strlen(text);
    while (pos <= total) {
        /* one paragraph: up to '\n' or the end */
        const char *nl = memchr(text + pos, '\n', total - pos);
        size_t end = nl ? (size_t)(nl - text) : total;
        size_t line = pos;
        while (line < end && text[line] == ' ') line++;
        if (line == end) {
            emit(lines, max_lines, n++, line, 0, 0);
        }
        while (line < end) {
            /* grow word by word while it fits */
            size_t fit = line, i = line;
            int fit_w = 0;
            while (i < end) {
                size_t w_end = i;
                while (w_end < end && text[w_end] == ' ') w_end++;
                while (w_end < end && text[w_end] != ' ') w_end += char_len(text + w_end);
                int w = measure(ctx, text + line, w_end - line);
                if (w > max_width)
                    break;
                fit = w_end;
                fit_w = w;
                i = w_end;
            }
            if (fit == line) {
                /* the first word alone is too wide: break it between characters */
                size_t j = line + char_len(text + line);
                fit = j;
                fit_w = measure(ctx, text + line, j - line);
                while (j < end && text[j] != ' ') {
                    size_t k = j + char_len(text + j);
                    int w = measure(ctx, text + line, k - line);
                    if (w > max_width)
                        break;
                    fit = j = k;
                    fit_w = w;
                }
            }
            emit(lines, max_lines, n++, line, fit - line, fit_w);
            line = fit;
            while (line < end && text[line] == ' ') line++;
        }
        if (nl == NULL)
            break;
        pos = end + 1;
    }
    return n;
}
