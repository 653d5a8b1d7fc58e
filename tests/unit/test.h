/*
 * test.h - a small test runner: TEST(name) { ... } registers a case;
 * CHECK(cond) records a failure and goes on; REQUIRE(cond) ends the case.
 * The runner (runner.c) takes an optional substring filter and ends with
 * the line "N passed, N failed".
 */
#ifndef RAPPORT_TEST_H
#define RAPPORT_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
extern int test_failures;     /* failures in the current case */

#define TEST(name)                                                        \
    static void test_##name(void);                                        \
    __attribute__((constructor)) static void register_##name(void)        \
    { test_register(#name, test_##name); }                                \
    static void test_##name(void)

#define CHECK(cond) do {                                                  \
    if (!(cond)) {                                                        \
        fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        test_failures++;                                                  \
    } } while (0)

#define REQUIRE(cond) do {                                                \
    if (!(cond)) {                                                        \
        fprintf(stderr, "  %s:%d: REQUIRE(%s) failed\n", __FILE__, __LINE__, #cond); \
        test_failures++;                                                  \
        return;                                                           \
    } } while (0)

#define CHECK_NEAR(a, b, eps) do {                                        \
    double a_ = (a), b_ = (b);                                            \
    if (!(a_ - b_ <= (eps) && b_ - a_ <= (eps))) {                        \
        fprintf(stderr, "  %s:%d: %s = %g, expected %g\n", __FILE__, __LINE__, #a, a_, b_); \
        test_failures++;                                                  \
    } } while (0)

#define CHECK_STR(a, b) do {                                              \
    const char *a_ = (a), *b_ = (b);                                      \
    if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) {                \
        fprintf(stderr, "  %s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
                a_ ? a_ : "(null)", b_ ? b_ : "(null)");                  \
        test_failures++;                                                  \
    } } while (0)

#define CHECK_CONTAINS(hay, needle) do {                                  \
    const char *h_ = (hay), *n_ = (needle);                               \
    if (h_ == NULL || strstr(h_, n_) == NULL) {                           \
        fprintf(stderr, "  %s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, \
                h_ ? h_ : "(null)", n_);                                  \
        test_failures++;                                                  \
    } } while (0)

#endif
