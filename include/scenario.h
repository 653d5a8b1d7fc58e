/*
 * scenario.h - the scenario model: what a trainer's Lua file becomes once
 * loaded and checked.
 *
 * A scenario is loaded into its own sandboxed Lua state (sandbox.h); the
 * model below is plain C and is read-only after loading. The only things
 * that stay in Lua are the trainer's functions (`when`, `go`), which the
 * session calls through rp_scenario_call_when() / rp_scenario_call_go().
 */
#ifndef RAPPORT_SCENARIO_H
#define RAPPORT_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#define RP_NO_REF (-1)            /* no Lua function */
#define RP_MOOD_MIN (-3)
#define RP_MOOD_MAX 3

typedef enum { RP_DIM_EMPATHY, RP_DIM_RESOLUTION, RP_DIM_CHOICES, RP_NDIMS } rp_dim;
extern const char *const rp_dim_names[RP_NDIMS];   /* "empathy", "resolution", "choices" */

/* Response quality and its score on the `choices` dimension. */
typedef enum { RP_Q_HARMFUL = 0, RP_Q_POOR = 1, RP_Q_GOOD = 2, RP_Q_BEST = 3 } rp_quality;
const char *rp_quality_name(rp_quality q);          /* "best", "good", ... */
int rp_quality_parse(const char *s, rp_quality *out);   /* 0 ok, -1 unknown */

/* A scenario variable's value, as `set` writes it and `s.vars` reads it. */
typedef enum { RP_VAL_NIL, RP_VAL_BOOL, RP_VAL_NUMBER, RP_VAL_STRING } rp_val_kind;
typedef struct {
    rp_val_kind kind;
    bool b;
    double n;
    const char *s;                /* owned by the scenario (interned) */
} rp_value;
bool rp_value_equal(const rp_value *a, const rp_value *b);

typedef struct {
    int var;                      /* index into rp_scenario.vars */
    rp_value value;
} rp_assign;

typedef struct {
    const char *text;
    int line;                     /* line of the choice's table in the file */
    const char *go;               /* static target, or NULL */
    int go_ref;                   /* Lua function, or RP_NO_REF */
    int go_node;                  /* resolved static target, or -1 */
    rp_quality quality;
    bool has_quality;             /* without one it counts as good */
    double empathy, resolution, mood;
    int when_ref;                 /* Lua function, or RP_NO_REF */
    rp_assign *set;
    int n_set;
    const char *feedback;         /* may be NULL */
} rp_choice;

typedef struct {
    const char *id;
    int line;
    bool is_ending;
    const char *narration, *say;  /* may be NULL */
    const char *go;               /* static target, or NULL */
    int go_ref;
    int go_node;
    double time_limit;            /* seconds, 0 = none */
    const char *on_timeout;
    int timeout_node;             /* -1 when none */
    rp_choice *choices;
    int n_choices;
    /* endings only */
    const char *outcome, *debrief;
    bool fails;                   /* `pass = false` */
} rp_node;

typedef struct {
    const char *skin, *hair, *hair_colour;
    bool glasses, beard;
} rp_look;

typedef struct rp_scenario {
    const char *path;             /* as given to the loader */
    const char *id, *title, *audience, *summary, *setting, *version;
    int difficulty, minutes;
    double pass_mark;
    double weights[RP_NDIMS];
    struct {
        const char *name, *role, *department, *portrait;
        double mood;
        rp_look look;
        bool has_look;
    } customer;
    int start;                    /* node index */
    int line, pass_mark_line;     /* where `scenario {` and its pass_mark are */
    rp_node *nodes;
    int n_nodes;
    const char **vars;            /* every variable name any `set` writes */
    int n_vars;
    char hash[65];                /* use rp_scenario_hash() */
    char *source;                 /* the file's bytes until the hash is taken */
    size_t source_len;
    struct rp_lua *lua;           /* the sandbox holding the functions */
    /* private to the loader */
    struct rp_arena *arena;       /* every string above */
    int *node_slots;              /* id -> node index, open addressing */
    int n_node_slots;
} rp_scenario;

/* Diagnostics, as `rapport check` prints them: file:line: error|warning: msg */
typedef enum { RP_ERROR, RP_WARNING } rp_severity;
typedef struct {
    rp_severity severity;
    char *file;
    int line;                     /* 0 when the file as a whole is meant */
    char *message;
} rp_diag;
typedef struct {
    rp_diag *items;
    int n, cap;
} rp_diags;
void rp_diags_add(rp_diags *d, rp_severity sev, const char *file, int line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int rp_diags_errors(const rp_diags *d);
void rp_diags_free(rp_diags *d);
/* "file:line: error: message" into buf; returns buf. */
char *rp_diag_format(const rp_diag *g, char *buf, size_t size);

/*
 * Loads and validates a scenario. On success returns the model (free with
 * rp_scenario_free) and appends warnings to `diags` (may be NULL). On failure
 * returns NULL and appends at least one error.
 */
rp_scenario *rp_scenario_load_file(const char *path, rp_diags *diags);
rp_scenario *rp_scenario_load_buffer(const char *src, size_t len,
                                     const char *name, rp_diags *diags);
void rp_scenario_free(rp_scenario *sc);

int rp_scenario_find_node(const rp_scenario *sc, const char *id);   /* -1 if none */
/* SHA-256 of the file's bytes as hex (so `sha256sum FILE` matches a record); computed once, on demand. */
const char *rp_scenario_hash(const rp_scenario *sc);
int rp_scenario_find_var(const rp_scenario *sc, const char *name);  /* -1 if none */

/* Calls into the trainer's functions are made through this view. */
struct rp_session;
/*
 * Runs a choice's `when`. Returns 1 shown, 0 hidden, -1 on a script error
 * (message "file:line: ..." written to err).
 */
int rp_scenario_call_when(rp_scenario *sc, const rp_choice *c,
                          const struct rp_session *s, char *err, size_t errsize);
/*
 * Runs a `go` function and returns the node index it names, or -1 with a
 * message in err (script error, or a value that is not a node id).
 */
int rp_scenario_call_go(rp_scenario *sc, int go_ref, int line,
                        const struct rp_session *s, char *err, size_t errsize);

#endif
