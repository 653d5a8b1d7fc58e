/* choices.c - see choices.h. */
#include "choices.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHOICE 1000000

static void push(rp_choice_list *l, int v)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = realloc(l->items, sizeof *l->items * (size_t)l->cap);
    }
    l->items[l->n++] = v;
}

/* Parses one item from [s, e). */
static int parse_item(rp_choice_list *l, const char *s, const char *e, int pos, char *err, size_t errsize)
{
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    if (e - s == 1 && (*s == 't' || *s == 'T')) {
        push(l, RP_CHOICE_TIMEOUT);
        return 0;
    }
    long v = 0;
    const char *p = s;
    for (; p < e && isdigit((unsigned char)*p) && v <= MAX_CHOICE; p++)
        v = v * 10 + (*p - '0');
    if (p == s || p != e || v < 1 || v > MAX_CHOICE) {
        snprintf(err, errsize, "choice %d is '%.*s'; give a number from 1 (the first choice shown) or 't' for a time-out",
                 pos, (int)(e - s > 40 ? 40 : e - s), s);
        return -1;
    }
    push(l, (int)v);
    return 0;
}

int rp_choices_parse(rp_choice_list *l, const char *text, char *err, size_t errsize)
{
    int pos = l->n + 1;
    const char *s = text;
    for (;;) {
        const char *comma = strchr(s, ',');
        const char *e = comma ? comma : s + strlen(s);
        if (parse_item(l, s, e, pos++, err, errsize) != 0)
            return -1;
        if (comma == NULL)
            return 0;
        s = comma + 1;
    }
}

int rp_choices_read(rp_choice_list *l, FILE *in, char *err, size_t errsize)
{
    char line[256];
    while (fgets(line, sizeof line, in)) {
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        const char *p = line;
        while (isspace((unsigned char)*p)) p++;
        if (*p == '\0')
            continue;
        if (parse_item(l, p, p + strlen(p), l->n + 1, err, errsize) != 0)
            return -1;
    }
    return 0;
}

void rp_choices_free(rp_choice_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}
