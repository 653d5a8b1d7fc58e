/* dynlib_curl.h: the library's names mapped onto the table dynlib.c fills (see dynlib.h).
   Include it after every other header. */
#ifndef RAPPORT_DYNLIB_CURL_H
#define RAPPORT_DYNLIB_CURL_H

#include "dynlib.h"

#undef curl_global_init
#define curl_global_init (rp_curl.curl_global_init)
#undef curl_easy_init
#define curl_easy_init (rp_curl.curl_easy_init)
#undef curl_easy_setopt
#define curl_easy_setopt (rp_curl.curl_easy_setopt)
#undef curl_easy_perform
#define curl_easy_perform (rp_curl.curl_easy_perform)
#undef curl_easy_getinfo
#define curl_easy_getinfo (rp_curl.curl_easy_getinfo)
#undef curl_easy_cleanup
#define curl_easy_cleanup (rp_curl.curl_easy_cleanup)
#undef curl_easy_strerror
#define curl_easy_strerror (rp_curl.curl_easy_strerror)
#undef curl_easy_escape
#define curl_easy_escape (rp_curl.curl_easy_escape)
#undef curl_free
#define curl_free (rp_curl.curl_free)
#undef curl_getdate
#define curl_getdate (rp_curl.curl_getdate)
#undef curl_slist_append
#define curl_slist_append (rp_curl.curl_slist_append)
#undef curl_slist_free_all
#define curl_slist_free_all (rp_curl.curl_slist_free_all)

#endif
