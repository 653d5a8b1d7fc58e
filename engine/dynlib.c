/* dynlib.c - see dynlib.h. */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

rp_pq_api rp_pq;
rp_curl_api rp_curl;
rp_img_api rp_img;

static pthread_once_t pq_once = PTHREAD_ONCE_INIT, curl_once = PTHREAD_ONCE_INIT, img_once = PTHREAD_ONCE_INIT;
static char pq_error[256], curl_error[256], img_error[256];

/* Fills one table entry; the first missing symbol is reported. */
#define RP_DYN_SYM(f) \
    if (ok && (api->f = (__typeof__(f) *)dlsym(h, #f)) == NULL) { \
        snprintf(errbuf, 256, "the installed %s has no %s; install a current %s", names[0], #f, package); \
        ok = 0; \
    }

static void *open_first(const char *const *names)
{
    void *h = NULL;
    for (int i = 0; names[i] && h == NULL; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    return h;
}

static void load_pq(void)
{
    static const char *const names[] = { "libpq.so.5", "libpq.so", NULL };
    const char *package = "libpq5";
    rp_pq_api *api = &rp_pq;
    char *errbuf = pq_error;
    void *h = open_first(names);
    if (h == NULL) {
        snprintf(errbuf, 256, "PostgreSQL records need libpq, which is not installed: apt-get install libpq5");
        return;
    }
    int ok = 1;
    RP_PQ_FUNCS(RP_DYN_SYM)
    if (!ok)
        memset(api, 0, sizeof *api);
}

static void load_curl(void)
{
    static const char *const names[] = { "libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", NULL };
    const char *package = "libcurl4";
    rp_curl_api *api = &rp_curl;
    char *errbuf = curl_error;
    void *h = open_first(names);
    if (h == NULL) {
        snprintf(errbuf, 256, "sending to an LRS needs libcurl, which is not installed: apt-get install libcurl4");
        return;
    }
    int ok = 1;
    RP_CURL_FUNCS(RP_DYN_SYM)
    if (!ok)
        memset(api, 0, sizeof *api);
}

static void load_img(void)
{
    static const char *const names[] = { "libSDL2_image-2.0.so.0", "libSDL2_image.so", NULL };
    const char *package = "libsdl2-image-2.0-0";
    rp_img_api *api = &rp_img;
    char *errbuf = img_error;
    void *h = open_first(names);
    if (h == NULL) {
        snprintf(errbuf, 256, "images need SDL2_image, which is not installed: apt-get install libsdl2-image-2.0-0");
        return;
    }
    int ok = 1;
    RP_IMG_FUNCS(RP_DYN_SYM)
    if (!ok)
        memset(api, 0, sizeof *api);
    else
        rp_img.IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

int rp_img_load(char *err, size_t errsize)
{
    pthread_once(&img_once, load_img);
    if (rp_img.IMG_Load == NULL) {
        snprintf(err, errsize, "%s", img_error);
        return -1;
    }
    return 0;
}

int rp_pq_load(char *err, size_t errsize)
{
    pthread_once(&pq_once, load_pq);
    if (rp_pq.PQconnectdbParams == NULL) {
        snprintf(err, errsize, "%s", pq_error);
        return -1;
    }
    return 0;
}

int rp_curl_load(char *err, size_t errsize)
{
    pthread_once(&curl_once, load_curl);
    if (rp_curl.curl_easy_init == NULL) {
        snprintf(err, errsize, "%s", curl_error);
        return -1;
    }
    return 0;
}
