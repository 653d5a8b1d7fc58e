/*
 * cmd_graph.c - `rapport graph FILE [--format dot|svg]`: the branch graph.
 *
 * Decisions are boxes, plain steps ellipses, endings double octagons
 * (green when they can pass, red when they never do). Each edge is labelled
 * with the choice number and its quality; edges decided by a `go` function
 * are dashed and drawn to every target that exploring the scenario saw.
 */
#include "commands.h"
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void dot_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if (*s == '\n') {
            fputs("\\n", out);
            continue;
        }
        fputc(*s, out);
    }
    fputc('"', out);
}

static const char *quality_colour(rp_quality q)
{
    switch (q) {
    case RP_Q_BEST: return "#1b7f3b";
    case RP_Q_GOOD: return "#3b6fb6";
    case RP_Q_POOR: return "#c07a00";
    default: return "#b3261e";
    }
}

static void write_dot(FILE *out, rp_scenario *sc)
{
    rp_exploration x;
    rp_explore(sc, 20000, true, &x);
    fprintf(out, "digraph ");
    dot_string(out, sc->id);
    fprintf(out, " {\n  graph [rankdir=LR, fontname=\"DejaVu Sans\", label=");
    dot_string(out, sc->title);
    fprintf(out, ", labelloc=t];\n  node [fontname=\"DejaVu Sans\", fontsize=11];\n"
                 "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
    for (int i = 0; i < sc->n_nodes; i++) {
        const rp_node *nd = &sc->nodes[i];
        fprintf(out, "  ");
        dot_string(out, nd->id);
        if (nd->is_ending) {
            char label[256];
            snprintf(label, sizeof label, "%s\n(%s)", nd->id, nd->outcome);
            fprintf(out, " [shape=doubleoctagon, style=filled, fillcolor=\"%s\", label=",
                    nd->fails ? "#f4c7c3" : "#c8e6c9");
            dot_string(out, label);
            fprintf(out, "]");
        } else if (nd->n_choices == 0) {
            fprintf(out, " [shape=ellipse]");
        } else {
            fprintf(out, " [shape=box, style=rounded%s]", i == sc->start ? ", penwidth=2" : "");
        }
        if (!x.capped && !x.reached[i])
            fprintf(out, " [color=gray, fontcolor=gray, xlabel=\"unreachable\"]");
        fprintf(out, ";\n");
    }
    for (int i = 0; i < sc->n_nodes; i++) {
        const rp_node *nd = &sc->nodes[i];
        for (int k = 0; k < nd->n_choices; k++) {
            const rp_choice *c = &nd->choices[k];
            char label[64];
            snprintf(label, sizeof label, "%d %s%s", k + 1, rp_quality_name(c->quality),
                     c->when_ref != RP_NO_REF ? " (when)" : "");
            int target = c->go_node >= 0 ? c->go_node : (c->go_ref == RP_NO_REF ? nd->go_node : -1);
            bool dynamic = c->go_ref != RP_NO_REF || (c->go_node < 0 && nd->go_ref != RP_NO_REF);
            if (!dynamic && target >= 0) {
                fprintf(out, "  ");
                dot_string(out, nd->id);
                fprintf(out, " -> ");
                dot_string(out, sc->nodes[target].id);
                fprintf(out, " [label=");
                dot_string(out, label);
                fprintf(out, ", color=\"%s\"];\n", quality_colour(c->quality));
            } else {
                for (int e = 0; e < x.n_edges[i]; e++)
                    if (x.edges[i][e].via == k) {
                        fprintf(out, "  ");
                        dot_string(out, nd->id);
                        fprintf(out, " -> ");
                        dot_string(out, sc->nodes[x.edges[i][e].to].id);
                        fprintf(out, " [label=");
                        dot_string(out, label);
                        fprintf(out, ", style=dashed, color=\"%s\"];\n", quality_colour(c->quality));
                    }
            }
        }
        /* the node's own go (plain steps, and when no choice is shown) */
        if (nd->go_node >= 0) {
            fprintf(out, "  ");
            dot_string(out, nd->id);
            fprintf(out, " -> ");
            dot_string(out, sc->nodes[nd->go_node].id);
            fprintf(out, " [label=\"go\"];\n");
        }
        for (int e = 0; x.edges && e < x.n_edges[i]; e++) {
            int via = x.edges[i][e].via;
            if ((via == RP_VIA_GO && nd->go_ref != RP_NO_REF) || via == RP_VIA_TIMEOUT) {
                fprintf(out, "  ");
                dot_string(out, nd->id);
                fprintf(out, " -> ");
                dot_string(out, sc->nodes[x.edges[i][e].to].id);
                fprintf(out, via == RP_VIA_TIMEOUT ? " [label=\"time-out\", style=dotted];\n"
                                                   : " [label=\"go\", style=dashed];\n");
            }
        }
        if (nd->timeout_node >= 0 && x.capped) {
            fprintf(out, "  ");
            dot_string(out, nd->id);
            fprintf(out, " -> ");
            dot_string(out, sc->nodes[nd->timeout_node].id);
            fprintf(out, " [label=\"time-out\", style=dotted];\n");
        }
    }
    fprintf(out, "}\n");
    rp_exploration_free(&x, sc);
}

int rp_cmd_graph(int argc, char **argv)
{
    const char *file = NULL, *format = "dot";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport graph FILE [--format dot|svg]\n"
                   "  The branch graph in Graphviz DOT; svg runs Graphviz's 'dot' when installed.\n");
            return RP_EXIT_OK;
        } else if (strcmp(argv[i], "--format") == 0) {
            fprintf(stderr, "rapport graph: --format needs a value: --format dot or --format svg\n");
            return RP_EXIT_USAGE;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "rapport graph: unknown option '%s'\n", argv[i]);
            return RP_EXIT_USAGE;
        } else
            file = argv[i];
    }
    if (strcmp(format, "dot") != 0 && strcmp(format, "svg") != 0) {
        fprintf(stderr, "rapport graph: --format is '%s'; use dot or svg\n", format);
        return RP_EXIT_USAGE;
    }
    if (file == NULL) {
        fprintf(stderr, "usage: rapport graph FILE [--format dot|svg]\n");
        return RP_EXIT_USAGE;
    }
    rp_scenario *sc = rp_load_or_report(file, 0);
    if (sc == NULL)
        return RP_EXIT_SCENARIO;
    int code = RP_EXIT_OK;
    if (strcmp(format, "dot") == 0) {
        write_dot(stdout, sc);
    } else {
        fflush(stdout);
        FILE *pipe = popen("dot -Tsvg", "w");
        if (pipe == NULL) {
            fprintf(stderr, "rapport graph: cannot run Graphviz 'dot'; install it (apt-get install graphviz) "
                    "or use --format dot\n");
            code = RP_EXIT_USAGE;
        } else {
            write_dot(pipe, sc);
            int st = pclose(pipe);
            if (st != 0) {
                fprintf(stderr, "rapport graph: Graphviz 'dot' failed (is it installed? apt-get install graphviz)\n");
                code = RP_EXIT_USAGE;
            }
        }
    }
    rp_scenario_free(sc);
    return code;
}
