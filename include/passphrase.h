/*
 * passphrase.h - the passphrase that opens HR review in the window.
 *
 * Kept beside the records as <db>.hr (owner-only), as a slow salted hash
 * (libsodium's crypto_pwhash_str, Argon2id): the passphrase itself is never
 * stored, and guessing it offline costs real time per guess.
 */
#ifndef RAPPORT_PASSPHRASE_H
#define RAPPORT_PASSPHRASE_H

#include <stddef.h>

#define RP_PASSPHRASE_MIN 8

/* Sets (or replaces) the passphrase for the records at db_path. 0, or -1 with err. */
int rp_passphrase_set(const char *db_path, const char *pass, char *err, size_t errsize);
/* 1 right, 0 wrong, -1 none is set or it cannot be read (err says which). */
int rp_passphrase_check(const char *db_path, const char *pass, char *err, size_t errsize);

#endif
