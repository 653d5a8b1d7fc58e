/*
 * passphrase.c - see passphrase.h; and `rapport passphrase [--db PATH]`,
 * which asks for a new passphrase twice (without echo on a terminal, or
 * one per line on standard input otherwise).
 */
#include "passphrase.h"
#include "commands.h"
#include "store.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

/*
 * Beside a records file: <file>.hr. For a PostgreSQL URL, which is no file,
 * in this user's config folder, named by a hash of the URL (each PC that
 * reviews those records sets the passphrase once).
 */
static void hash_path(const char *db_path, char *out, size_t size)
{
    if (strncmp(db_path, "postgres", 8) != 0) {
        snprintf(out, size, "%s.hr", db_path);
        return;
    }
    unsigned char h[8];
    crypto_generichash(h, sizeof h, (const unsigned char *)db_path, strlen(db_path), NULL, 0);
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char dir[PATH_MAX - 64];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/rapport", xdg);
    else
        snprintf(dir, sizeof dir, "%s/.config/rapport", home && *home ? home : ".");
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    if (slash) { *slash = '\0'; mkdir(parent, 0700); }
    mkdir(dir, 0700);
    snprintf(out, size, "%s/hr-%02x%02x%02x%02x%02x%02x%02x%02x.passphrase", dir, h[0], h[1], h[2], h[3], h[4],
             h[5], h[6], h[7]);
}

int rp_passphrase_set(const char *db_path, const char *pass, char *err, size_t errsize)
{
    if (strlen(pass) < RP_PASSPHRASE_MIN) {
        snprintf(err, errsize, "the passphrase is too short; use at least %d characters", RP_PASSPHRASE_MIN);
        return -1;
    }
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hashed, pass, strlen(pass), crypto_pwhash_OPSLIMIT_MODERATE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, errsize, "not enough memory to hash the passphrase");
        return -1;
    }
    char path[PATH_MAX + 8], tmp[PATH_MAX + 16];
    hash_path(db_path, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        snprintf(err, errsize, "cannot write %s: %s", tmp, strerror(errno));
        return -1;
    }
    size_t len = strlen(hashed);
    bool ok = write(fd, hashed, len) == (ssize_t)len && write(fd, "\n", 1) == 1 && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {     /* atomic: the old passphrase stays until the new one is whole */
        snprintf(err, errsize, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

int rp_passphrase_check(const char *db_path, const char *pass, char *err, size_t errsize)
{
    char path[PATH_MAX + 8], readerr[256];
    hash_path(db_path, path, sizeof path);
    size_t len;
    char *stored = rp_read_file(path, 4096, &len, readerr, sizeof readerr);
    if (stored == NULL) {
        if (errno == ENOENT || access(path, F_OK) != 0)
            snprintf(err, errsize, "HR review is not set up for these records: an administrator runs "
                     "'rapport passphrase' first");
        else
            snprintf(err, errsize, "%s: %s", path, readerr);
        return -1;
    }
    stored[strcspn(stored, "\r\n")] = '\0';
    int ok = crypto_pwhash_str_verify(stored, pass, strlen(pass)) == 0;
    sodium_memzero(stored, len);
    free(stored);
    return ok;
}

/* Reads one line without echo when stdin is a terminal. */
static int read_secret(const char *prompt, char *buf, size_t size)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= (tcflag_t)~ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)size, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (got == NULL)
        return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

int rp_cmd_passphrase(int argc, char **argv)
{
    const char *db = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport passphrase [--db PATH]\n"
                   "  Sets the passphrase that opens HR review in the window (asked twice).\n");
            return RP_EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0) {
            fprintf(stderr, "rapport passphrase: --db needs a records file or a postgresql:// URL\n");
            return RP_EXIT_USAGE;
        } else {
            fprintf(stderr, "rapport passphrase: unknown option '%s'\n", argv[i]);
            return RP_EXIT_USAGE;
        }
    }
    const char *path = rp_store_default_path(db);
    char a[256], b[256], err[512];
    if (read_secret("New HR passphrase: ", a, sizeof a) != 0 ||
        read_secret("The same again: ", b, sizeof b) != 0) {
        fprintf(stderr, "rapport passphrase: no passphrase given; nothing changed\n");
        return RP_EXIT_USAGE;
    }
    int code = RP_EXIT_OK;
    if (strcmp(a, b) != 0) {
        fprintf(stderr, "rapport passphrase: the two entries differ; nothing changed\n");
        code = RP_EXIT_USAGE;
    } else if (rp_passphrase_set(path, a, err, sizeof err) != 0) {
        fprintf(stderr, "rapport passphrase: %s; nothing changed\n", err);
        code = RP_EXIT_USAGE;
    } else {
        fprintf(stderr, "HR review passphrase set for %s\n", path);
    }
    sodium_memzero(a, sizeof a);
    sodium_memzero(b, sizeof b);
    return code;
}
