/*
 * scorecard.h - the scorecard of a session (DESIGN section 6), as JSON and
 * as a short readable summary. Built with cJSON, never with printf.
 */
#ifndef RAPPORT_SCORECARD_H
#define RAPPORT_SCORECARD_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include "session.h"

/* The scorecard of the session as it stands. Caller frees with cJSON_Delete. */
cJSON *rp_scorecard_json(const rp_session *s);
/* A few lines for people: title, ending, pass or not, the four scores, the path. */
void rp_scorecard_print_summary(const rp_session *s, FILE *out);
/* Mood as a word: furious, angry, annoyed, neutral, calm, pleased, delighted. */
const char *rp_mood_word(double mood);

#endif
