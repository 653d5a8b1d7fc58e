/*
 * fuzz_choices.c - the choice list of `rapport run`: "1,3,t" on the command
 * line (rp_choices_parse) and one per line on standard input
 * (rp_choices_read). Whatever the bytes, parsing returns 0 with every item
 * a time-out or 1..1000000, or -1 with a message that names the choice.
 */
#include "fuzz.h"
#include "choices.h"

#include <string.h>

static void check_list(const rp_choice_list *l, int rc, const char *err)
{
    FUZZ_CHECK(l->n >= 0 && l->n <= l->cap);
    for (int i = 0; i < l->n; i++)
        FUZZ_CHECK(l->items[i] == RP_CHOICE_TIMEOUT || (l->items[i] >= 1 && l->items[i] <= 1000000));
    if (rc != 0) {
        FUZZ_CHECK(rc == -1);
        FUZZ_CHECK(memchr(err, '\0', 256) != NULL);
        FUZZ_CHECK(strstr(err, "choice") != NULL);
    }
}

int rp_fuzz_choices(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    /* --choices TEXT: the items are separated by commas */
    rp_choice_list l = { 0 };
    char err[256];
    memset(err, 'x', sizeof err - 1);
    err[sizeof err - 1] = '\0';
    int rc = rp_choices_parse(&l, text, err, sizeof err);
    check_list(&l, rc, err);
    size_t commas = 0;
    for (const char *p = text; *p; p++)
        commas += *p == ',';
    FUZZ_CHECK((size_t)l.n <= commas + 1);
    rp_choices_free(&l);
    FUZZ_CHECK(l.items == NULL && l.n == 0);

    /* a tiny error buffer must still be terminated and not overrun */
    char small[8];
    rp_choice_list l2 = { 0 };
    if (rp_choices_parse(&l2, text, small, sizeof small) != 0)
        FUZZ_CHECK(memchr(small, '\0', sizeof small) != NULL);
    rp_choices_free(&l2);

    /* standard input: the raw bytes, NULs and all */
    FILE *in = size > 0 ? fmemopen((void *)data, size, "r") : NULL;
    if (in != NULL) {
        rp_choice_list l3 = { 0 };
        rc = rp_choices_read(&l3, in, err, sizeof err);
        check_list(&l3, rc, err);
        rp_choices_free(&l3);
        fclose(in);
    }
    free(text);
    return 0;
}

#ifndef RP_FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rp_fuzz_choices(data, size);
}
#endif
