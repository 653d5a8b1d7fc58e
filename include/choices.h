/*
 * choices.h - the choice list of a headless run: "1,3,t,2" on the command
 * line, or one per line on standard input. `t` is a time-out (stored as 0).
 */
#ifndef RAPPORT_CHOICES_H
#define RAPPORT_CHOICES_H

#include <stddef.h>
#include <stdio.h>

#define RP_CHOICE_TIMEOUT 0

typedef struct {
    int *items;
    int n, cap;
} rp_choice_list;

/*
 * Parses "1,3,t" (spaces allowed around items). Returns 0, or -1 with a
 * message in err; the list is appended to either way up to the bad item.
 */
int rp_choices_parse(rp_choice_list *list, const char *text, char *err, size_t errsize);
/* Reads one choice per line (blank lines and # comments skipped). */
int rp_choices_read(rp_choice_list *list, FILE *in, char *err, size_t errsize);
void rp_choices_free(rp_choice_list *list);

#endif
