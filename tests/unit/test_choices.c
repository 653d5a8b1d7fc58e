/* test_choices.c - the choice list of `rapport run`. */
#include "test.h"
#include "choices.h"

#include <stdio.h>
#include <stdlib.h>

TEST(choices_parse_numbers_and_timeouts)
{
    rp_choice_list l = { 0 };
    char err[256];
    CHECK(rp_choices_parse(&l, "1, 3,t ,12", err, sizeof err) == 0);
    REQUIRE(l.n == 4);
    CHECK(l.items[0] == 1 && l.items[1] == 3 && l.items[2] == RP_CHOICE_TIMEOUT && l.items[3] == 12);
    rp_choices_free(&l);
}

TEST(choices_parse_rejects_garbage)
{
    const char *bad[] = { "", "0", "1,,2", "x", "-1", "1.5", "99999999999", "1;2", "t2" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rp_choice_list l = { 0 };
        char err[256] = "";
        CHECK(rp_choices_parse(&l, bad[i], err, sizeof err) != 0);
        CHECK(strstr(err, "choice") != NULL);
        rp_choices_free(&l);
    }
}

TEST(choices_read_one_per_line)
{
    FILE *f = tmpfile();
    fputs("2\n\n# a comment\n t \n1\n", f);
    rewind(f);
    rp_choice_list l = { 0 };
    char err[256];
    CHECK(rp_choices_read(&l, f, err, sizeof err) == 0);
    CHECK(l.n == 3 && l.items[0] == 2 && l.items[1] == 0 && l.items[2] == 1);
    fclose(f);
    rp_choices_free(&l);
}
