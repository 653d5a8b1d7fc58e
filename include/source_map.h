/*
 * source_map.h - where things are in a scenario file.
 *
 * Lua keeps no line numbers for table constructors, but a trainer needs
 * "file:line" for a choice or a misspelled key. This module reads the
 * source text once (a small Lua tokenizer, no evaluation) and records, for
 * every `scenario {`, `node "id" {` and `ending "id" {`, the line of each
 * key and of each positional entry, recursively.
 */
#ifndef RAPPORT_SOURCE_MAP_H
#define RAPPORT_SOURCE_MAP_H

#include <stddef.h>

typedef struct rp_srcitem {
    char *key;           /* NULL for a positional entry */
    int line;
    int table;           /* index of the nested constructor, or -1 */
} rp_srcitem;

typedef struct {
    int line;            /* line of the '{' */
    rp_srcitem *items;
    int n_items, cap;
} rp_srctable;

typedef struct {
    char kind[12];       /* "scenario", "node", "ending" (NUL-terminated) */
    char *id;            /* NULL for scenario */
    int line;            /* line of the keyword */
    int table;           /* its constructor, or -1 */
} rp_srccall;

typedef struct {
    rp_srctable *tables;
    int n_tables, cap_tables;
    rp_srccall *calls;
    int n_calls, cap_calls;
} rp_srcmap;

void rp_srcmap_build(rp_srcmap *m, const char *src, size_t len);
void rp_srcmap_free(rp_srcmap *m);

/* The constructor of the nth (0-based) call of that kind and id, or -1. */
int rp_srcmap_call(const rp_srcmap *m, const char *kind, const char *id, int nth);
/* Line of `key` in table t, or `fallback`. */
int rp_srcmap_key_line(const rp_srcmap *m, int t, const char *key, int fallback);
/* The nested constructor under `key` in table t, or -1. */
int rp_srcmap_key_table(const rp_srcmap *m, int t, const char *key);
/* The nth (1-based) positional entry of table t: its line (or fallback) and constructor. */
int rp_srcmap_pos_line(const rp_srcmap *m, int t, int nth, int fallback);
int rp_srcmap_pos_table(const rp_srcmap *m, int t, int nth);

#endif
