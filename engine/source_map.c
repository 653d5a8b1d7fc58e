/*
 * source_map.c - see source_map.h. A tokenizer for Lua 5.4 source that
 * understands comments, short and long strings, names and punctuation,
 * and a recursive reader for table constructors. Anything it does not
 * understand is skipped: the map only improves messages, it never decides
 * whether a file loads.
 */
#include "source_map.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_EOF, T_NAME, T_STRING, T_PUNCT, T_OTHER } tok_kind;

typedef struct {
    const char *src;
    size_t len, pos;
    int line;
    /* current token */
    tok_kind kind;
    const char *text;
    size_t tlen;
    int tline;
    char punct;
} lexer;

static int long_bracket_level(const lexer *lx, size_t at)
{
    /* at points to '['; returns level for [==[ or -1 */
    size_t i = at + 1;
    int level = 0;
    while (i < lx->len && lx->src[i] == '=') { level++; i++; }
    return (i < lx->len && lx->src[i] == '[') ? level : -1;
}

static void skip_long(lexer *lx, int level)
{
    /* positioned at the first '[' */
    lx->pos += (size_t)level + 2;
    while (lx->pos < lx->len) {
        char c = lx->src[lx->pos];
        if (c == '\n') lx->line++;
        if (c == ']') {
            size_t i = lx->pos + 1;
            int l = 0;
            while (i < lx->len && lx->src[i] == '=') { l++; i++; }
            if (l == level && i < lx->len && lx->src[i] == ']') {
                lx->pos = i + 1;
                return;
            }
        }
        lx->pos++;
    }
}

static void next(lexer *lx)
{
    for (;;) {
        if (lx->pos >= lx->len) { lx->kind = T_EOF; lx->tline = lx->line; return; }
        char c = lx->src[lx->pos];
        if (c == '\n') { lx->line++; lx->pos++; continue; }
        if (c == ' ' || c == '\t' || isspace((unsigned char)c)) { lx->pos++; continue; }
        if (c == '-' && lx->pos + 1 < lx->len && lx->src[lx->pos + 1] == '-') {
            lx->pos += 2;
            int level;
            if (lx->pos < lx->len && lx->src[lx->pos] == '[' &&
                (level = long_bracket_level(lx, lx->pos)) >= 0) {
                skip_long(lx, level);
            } else {
                while (lx->pos < lx->len && lx->src[lx->pos] != '\n') lx->pos++;
            }
            continue;
        }
        break;
    }
    char c = lx->src[lx->pos];
    lx->tline = lx->line;
    size_t start = lx->pos;
    if (isalpha((unsigned char)c) || c == '_') {
        const char *src = lx->src;
        size_t p = lx->pos, n = lx->len;
        while (p < n && (isalnum((unsigned char)src[p]) || src[p] == '_'))
            p++;
        lx->pos = p;
        lx->kind = T_NAME;
        lx->text = lx->src + start;
        lx->tlen = lx->pos - start;
        return;
    }
    if (c == '"' || c == '\'') {
        /* locals: through lx, every char read could alias the position (char aliases all) */
        const char *src = lx->src;
        size_t p = lx->pos + 1, n = lx->len;
        while (p < n && src[p] != c && src[p] != '\n') {
            if (src[p] == '\\' && p + 1 < n) {
                if (src[p + 1] == '\n') lx->line++;
                p++;
            }
            p++;
        }
        lx->pos = p;
        lx->kind = T_STRING;
        lx->text = lx->src + start + 1;
        lx->tlen = lx->pos - start - 1;
        if (lx->pos < lx->len) lx->pos++;
        return;
    }
    if (c == '[') {
        int level = long_bracket_level(lx, lx->pos);
        if (level >= 0) {
            skip_long(lx, level);
            lx->kind = T_STRING;
            lx->text = lx->src + start;   /* not decoded: long strings are rare as ids */
            lx->tlen = 0;
            return;
        }
    }
    if (isdigit((unsigned char)c)) {
        while (lx->pos < lx->len && (isalnum((unsigned char)lx->src[lx->pos]) ||
                                     lx->src[lx->pos] == '.'))
            lx->pos++;
        lx->kind = T_OTHER;
        return;
    }
    lx->pos++;
    lx->kind = T_PUNCT;
    lx->punct = c;
    /* '==' must not read as '=' ... '=' */
    if ((c == '=' || c == '~' || c == '<' || c == '>') && lx->pos < lx->len &&
        lx->src[lx->pos] == '=') {
        lx->pos++;
        lx->kind = T_OTHER;
    }
}

static int is_name(const lexer *lx, const char *w)
{
    return lx->kind == T_NAME && lx->tlen == strlen(w) && memcmp(lx->text, w, lx->tlen) == 0;
}
static int is_punct(const lexer *lx, char c) { return lx->kind == T_PUNCT && lx->punct == c; }

static int block_delta(const lexer *lx)
{
    /* most tokens are not names, or names of other lengths: decide cheaply */
    if (lx->kind != T_NAME || lx->tlen < 2 || lx->tlen > 8 || !strchr("fideru", lx->text[0]) ||
        lx->tlen == 4 || lx->tlen == 7)
        return 0;
    if (is_name(lx, "function") || is_name(lx, "if") || is_name(lx, "do") ||
        is_name(lx, "repeat"))
        return 1;
    if (is_name(lx, "end") || is_name(lx, "until"))
        return -1;
    return 0;
}

static int read_table(rp_srcmap *m, lexer *lx, int depth);

static int new_table(rp_srcmap *m, int line)
{
    if (m->n_tables == m->cap_tables) {
        m->cap_tables = m->cap_tables ? m->cap_tables * 2 : 64;
        m->tables = realloc(m->tables, sizeof *m->tables * (size_t)m->cap_tables);
    }
    rp_srctable *t = &m->tables[m->n_tables];
    memset(t, 0, sizeof *t);
    t->line = line;
    return m->n_tables++;
}

static void add_item(rp_srcmap *m, int t, const char *key, size_t klen, int line, int child)
{
    rp_srctable *tb = &m->tables[t];
    if (tb->n_items == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 8;
        tb->items = realloc(tb->items, sizeof *tb->items * (size_t)tb->cap);
    }
    rp_srcitem *it = &tb->items[tb->n_items++];
    it->key = NULL;
    if (key) {
        it->key = malloc(klen + 1);
        memcpy(it->key, key, klen);
        it->key[klen] = '\0';
    }
    it->line = line;
    it->table = child;
}

/* Skips one expression up to ',' ';' or the closing '}' at this level. */
static void skip_value(lexer *lx)
{
    int nest = 0;
    while (lx->kind != T_EOF) {
        if (nest == 0 && (is_punct(lx, ',') || is_punct(lx, ';') || is_punct(lx, '}')))
            return;
        if (is_punct(lx, '(') || is_punct(lx, '{') || is_punct(lx, '['))
            nest++;
        else if (is_punct(lx, ')') || is_punct(lx, '}') || is_punct(lx, ']'))
            nest--;
        else
            nest += block_delta(lx);
        next(lx);
    }
}

/* Called with the current token '{'. Returns the table index. */
static int read_table(rp_srcmap *m, lexer *lx, int depth)
{
    int t = new_table(m, lx->tline);
    next(lx);
    while (lx->kind != T_EOF && !is_punct(lx, '}')) {
        int line = lx->tline;
        const char *key = NULL;
        size_t klen = 0;
        if (lx->kind == T_NAME) {
            /* NAME '=' is a key; otherwise an expression */
            lexer save = *lx;
            next(lx);
            if (is_punct(lx, '=')) {
                key = save.text;
                klen = save.tlen;
                next(lx);
            } else {
                *lx = save;
            }
        } else if (is_punct(lx, '[')) {
            /* [expr] = value: the key is not a plain name */
            int nest = 0;
            do {
                if (is_punct(lx, '[')) nest++;
                else if (is_punct(lx, ']')) nest--;
                next(lx);
            } while (nest > 0 && lx->kind != T_EOF);
            if (is_punct(lx, '=')) next(lx);
            key = "[]";
            klen = 2;
        }
        int child = -1;
        if (is_punct(lx, '{') && depth < 16) {
            child = read_table(m, lx, depth + 1);
            next(lx);                      /* past '}' */
            if (!(is_punct(lx, ',') || is_punct(lx, ';') || is_punct(lx, '}')))
                skip_value(lx);            /* e.g. {..}.x or {..} .. "" */
        } else {
            skip_value(lx);
        }
        /* the table pointer may have moved: index by number */
        add_item(m, t, key, klen, line, child);
        if (is_punct(lx, ',') || is_punct(lx, ';'))
            next(lx);
    }
    return t;
}

void rp_srcmap_build(rp_srcmap *m, const char *src, size_t len)
{
    memset(m, 0, sizeof *m);
    lexer lx = { .src = src, .len = len, .line = 1 };
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        lx.pos = 3;
    next(&lx);
    while (lx.kind != T_EOF) {
        if (is_name(&lx, "scenario") || is_name(&lx, "node") || is_name(&lx, "ending")) {
            rp_srccall call = { .line = lx.tline, .table = -1 };
            memcpy(call.kind, lx.text, lx.tlen);
            call.kind[lx.tlen] = '\0';
            next(&lx);
            if (is_punct(&lx, '(')) next(&lx);
            if (strcmp(call.kind, "scenario") != 0) {
                if (lx.kind != T_STRING)
                    continue;
                call.id = malloc(lx.tlen + 1);
                memcpy(call.id, lx.text, lx.tlen);
                call.id[lx.tlen] = '\0';
                next(&lx);
                if (is_punct(&lx, ')')) next(&lx);
                if (is_punct(&lx, '(')) next(&lx);
            }
            if (is_punct(&lx, '{'))
                call.table = read_table(m, &lx, 0);
            if (m->n_calls == m->cap_calls) {
                m->cap_calls = m->cap_calls ? m->cap_calls * 2 : 32;
                m->calls = realloc(m->calls, sizeof *m->calls * (size_t)m->cap_calls);
            }
            m->calls[m->n_calls++] = call;
        }
        next(&lx);
    }
}

void rp_srcmap_free(rp_srcmap *m)
{
    for (int i = 0; i < m->n_tables; i++) {
        for (int j = 0; j < m->tables[i].n_items; j++)
            free(m->tables[i].items[j].key);
        free(m->tables[i].items);
    }
    for (int i = 0; i < m->n_calls; i++)
        free(m->calls[i].id);
    free(m->tables);
    free(m->calls);
    memset(m, 0, sizeof *m);
}

int rp_srcmap_call(const rp_srcmap *m, const char *kind, const char *id, int nth)
{
    for (int i = 0; i < m->n_calls; i++) {
        const rp_srccall *c = &m->calls[i];
        if (strcmp(c->kind, kind) != 0)
            continue;
        if (id != NULL && (c->id == NULL || strcmp(c->id, id) != 0))
            continue;
        if (nth-- == 0)
            return c->table;
    }
    return -1;
}

static const rp_srcitem *find_key(const rp_srcmap *m, int t, const char *key)
{
    if (t < 0 || t >= m->n_tables)
        return NULL;
    for (int i = 0; i < m->tables[t].n_items; i++) {
        const rp_srcitem *it = &m->tables[t].items[i];
        if (it->key && strcmp(it->key, key) == 0)
            return it;
    }
    return NULL;
}

int rp_srcmap_key_line(const rp_srcmap *m, int t, const char *key, int fallback)
{
    const rp_srcitem *it = find_key(m, t, key);
    return it ? it->line : (t >= 0 && t < m->n_tables ? m->tables[t].line : fallback);
}

int rp_srcmap_key_table(const rp_srcmap *m, int t, const char *key)
{
    const rp_srcitem *it = find_key(m, t, key);
    return it ? it->table : -1;
}

static const rp_srcitem *find_pos(const rp_srcmap *m, int t, int nth)
{
    if (t < 0 || t >= m->n_tables)
        return NULL;
    for (int i = 0; i < m->tables[t].n_items; i++) {
        const rp_srcitem *it = &m->tables[t].items[i];
        if (it->key == NULL && --nth == 0)
            return it;
    }
    return NULL;
}

int rp_srcmap_pos_line(const rp_srcmap *m, int t, int nth, int fallback)
{
    const rp_srcitem *it = find_pos(m, t, nth);
    return it ? it->line : fallback;
}

int rp_srcmap_pos_table(const rp_srcmap *m, int t, int nth)
{
    const rp_srcitem *it = find_pos(m, t, nth);
    return it ? it->table : -1;
}
