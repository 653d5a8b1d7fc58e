/* dynlib_pq.h: the library's names mapped onto the table dynlib.c fills (see dynlib.h).
   Include it after every other header. */
#ifndef RAPPORT_DYNLIB_PQ_H
#define RAPPORT_DYNLIB_PQ_H

#include "dynlib.h"

#define PQconnectdbParams (rp_pq.PQconnectdbParams)
#define PQstatus (rp_pq.PQstatus)
#define PQerrorMessage (rp_pq.PQerrorMessage)
#define PQfinish (rp_pq.PQfinish)
#define PQexec (rp_pq.PQexec)
#define PQexecParams (rp_pq.PQexecParams)
#define PQresultStatus (rp_pq.PQresultStatus)
#define PQresultErrorField (rp_pq.PQresultErrorField)
#define PQclear (rp_pq.PQclear)
#define PQcmdTuples (rp_pq.PQcmdTuples)
#define PQntuples (rp_pq.PQntuples)
#define PQnfields (rp_pq.PQnfields)
#define PQgetvalue (rp_pq.PQgetvalue)
#define PQgetlength (rp_pq.PQgetlength)
#define PQgetisnull (rp_pq.PQgetisnull)
#define PQftype (rp_pq.PQftype)
#define PQuser (rp_pq.PQuser)
#define PQhost (rp_pq.PQhost)
#define PQport (rp_pq.PQport)
#define PQdb (rp_pq.PQdb)
#define PQtransactionStatus (rp_pq.PQtransactionStatus)
#define PQsetNoticeProcessor (rp_pq.PQsetNoticeProcessor)

#endif
