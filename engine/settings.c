/* settings.c - see settings.h. A missing or broken file means defaults. */
#include "settings.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int config_path(char *buf, size_t size, bool make_dir)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX - 32];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/rapport", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.config/rapport", home);
    else
        return -1;
    if (make_dir) {
        char parent[PATH_MAX];
        snprintf(parent, sizeof parent, "%s", dir);
        char *slash = strrchr(parent, '/');
        if (slash) {
            *slash = '\0';
            mkdir(parent, 0700);
        }
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return -1;
    }
    snprintf(buf, size, "%s/settings.json", dir);
    return 0;
}

void rp_settings_load(rp_settings *s)
{
    s->text_scale = 100;
    s->high_contrast = false;
    s->timers = true;
    s->reduced_motion = false;
    s->fullscreen = false;
    char path[PATH_MAX], err[128];
    size_t len;
    if (config_path(path, sizeof path, false) != 0)
        return;
    char *text = rp_read_file(path, 65536, &len, err, sizeof err);
    if (text == NULL)
        return;
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (root == NULL)
        return;
    cJSON *v;
    if ((v = cJSON_GetObjectItem(root, "text_scale")) && cJSON_IsNumber(v)) {
        int t = v->valueint;
        s->text_scale = t < RP_TEXT_SCALE_MIN ? RP_TEXT_SCALE_MIN : t > RP_TEXT_SCALE_MAX ? RP_TEXT_SCALE_MAX : t;
    }
    if ((v = cJSON_GetObjectItem(root, "high_contrast")) && cJSON_IsBool(v)) s->high_contrast = cJSON_IsTrue(v);
    if ((v = cJSON_GetObjectItem(root, "timers")) && cJSON_IsBool(v)) s->timers = cJSON_IsTrue(v);
    if ((v = cJSON_GetObjectItem(root, "reduced_motion")) && cJSON_IsBool(v)) s->reduced_motion = cJSON_IsTrue(v);
    if ((v = cJSON_GetObjectItem(root, "fullscreen")) && cJSON_IsBool(v)) s->fullscreen = cJSON_IsTrue(v);
    cJSON_Delete(root);
}

int rp_settings_save(const rp_settings *s)
{
    char path[PATH_MAX], tmp[PATH_MAX + 8];
    if (config_path(path, sizeof path, true) != 0)
        return -1;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "text_scale", s->text_scale);
    cJSON_AddBoolToObject(root, "high_contrast", s->high_contrast);
    cJSON_AddBoolToObject(root, "timers", s->timers);
    cJSON_AddBoolToObject(root, "reduced_motion", s->reduced_motion);
    cJSON_AddBoolToObject(root, "fullscreen", s->fullscreen);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    int rc = -1;
    if (f) {
        rc = fputs(text, f) < 0 ? -1 : 0;
        if (fclose(f) != 0) rc = -1;
        if (rc == 0 && rename(tmp, path) != 0) rc = -1;   /* atomic: never a half file */
    }
    cJSON_free(text);
    return rc;
}
