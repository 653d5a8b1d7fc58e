/*
 * util.h - small helpers shared by every module: a string arena, reading a
 * whole file with a size limit, UTF-8 validation and "did you mean".
 */
#ifndef RAPPORT_UTIL_H
#define RAPPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Strings that live exactly as long as their owner (e.g. a scenario). */
typedef struct rp_arena rp_arena;
rp_arena *rp_arena_new(void);
void rp_arena_free(rp_arena *a);
/* Copies len bytes plus a NUL; the copy lives until rp_arena_free. */
char *rp_arena_strndup(rp_arena *a, const char *s, size_t len);
char *rp_arena_strdup(rp_arena *a, const char *s);

/*
 * Reads a whole file into a malloc'd, NUL-terminated buffer. Returns NULL
 * with a message in err when it cannot be opened or is larger than limit.
 */
char *rp_read_file(const char *path, size_t limit, size_t *len, char *err, size_t errsize);

/* Offset of the first invalid UTF-8 byte, or -1 when s is valid. */
long rp_utf8_invalid_at(const char *s, size_t len);

/* The candidate closest to word by edit distance, if close enough; else NULL. */
const char *rp_did_you_mean(const char *word, const char *const *candidates, int n);

/* snprintf that never overflows and returns dst. */
char *rp_strlcpy(char *dst, const char *src, size_t size);

#endif
