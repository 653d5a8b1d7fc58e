/*
 * dynlib.h - libpq and libcurl, loaded when first needed.
 *
 * Most commands never reach PostgreSQL or an LRS; linking these libraries
 * would make every start map some thirty more shared objects (Kerberos,
 * LDAP, TLS...) and double the time of `rapport run`. So they are opened
 * with dlopen by the code that needs them, and used through these tables.
 * store_pg.c and sync.c include dynlib_pq.h / dynlib_curl.h, which map the
 * libraries' names onto the tables, so their code reads as ordinary libpq
 * and libcurl calls.
 */
#ifndef RAPPORT_DYNLIB_H
#define RAPPORT_DYNLIB_H

#include <stddef.h>
#include <libpq-fe.h>
#define CURL_DISABLE_TYPECHECK     /* plain prototypes, so the calls can go through pointers */
#include <curl/curl.h>

#define RP_PQ_FUNCS(X) \
    X(PQconnectdbParams) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQexec) X(PQexecParams) \
    X(PQresultStatus) X(PQresultErrorField) X(PQclear) X(PQcmdTuples) X(PQntuples) X(PQnfields) \
    X(PQgetvalue) X(PQgetlength) X(PQgetisnull) X(PQftype) X(PQuser) X(PQhost) X(PQport) X(PQdb) \
    X(PQtransactionStatus) X(PQsetNoticeProcessor)

#define RP_CURL_FUNCS(X) \
    X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt) X(curl_easy_perform) \
    X(curl_easy_getinfo) X(curl_easy_cleanup) X(curl_easy_strerror) X(curl_easy_escape) \
    X(curl_free) X(curl_getdate) X(curl_slist_append) X(curl_slist_free_all)

/* SDL2_image: only for a scenario's portrait image and for saving screenshots */
#include <SDL_image.h>
#define RP_IMG_FUNCS(X) X(IMG_Init) X(IMG_Quit) X(IMG_Load) X(IMG_SavePNG)

#define RP_DYN_FIELD(f) __typeof__(f) *f;
typedef struct { RP_PQ_FUNCS(RP_DYN_FIELD) } rp_pq_api;
typedef struct { RP_CURL_FUNCS(RP_DYN_FIELD) } rp_curl_api;
typedef struct { RP_IMG_FUNCS(RP_DYN_FIELD) } rp_img_api;
#undef RP_DYN_FIELD

extern rp_pq_api rp_pq;
extern rp_curl_api rp_curl;
extern rp_img_api rp_img;

/* Loads the library once (thread-safe). 0, or -1 with what to install in err. */
int rp_pq_load(char *err, size_t errsize);
int rp_curl_load(char *err, size_t errsize);
int rp_img_load(char *err, size_t errsize);

#endif
