/*
 * settings.h - the trainee's remembered preferences, kept as JSON in
 * $XDG_CONFIG_HOME/rapport/settings.json (or ~/.config/rapport/).
 */
#ifndef RAPPORT_SETTINGS_H
#define RAPPORT_SETTINGS_H

#include <stdbool.h>

#define RP_TEXT_SCALE_MIN 75
#define RP_TEXT_SCALE_MAX 200

typedef struct {
    int text_scale;          /* percent, 75..200 */
    bool high_contrast;
    bool timers;             /* false: no time limits (an accommodation; scores are unaffected) */
    bool reduced_motion;     /* no typewriter, no transitions */
    bool fullscreen;
} rp_settings;

/* Defaults, overridden by the settings file when it exists and parses. */
void rp_settings_load(rp_settings *s);
/* Writes the file (creating the directory). Returns 0, or -1 when it cannot. */
int rp_settings_save(const rp_settings *s);

#endif
