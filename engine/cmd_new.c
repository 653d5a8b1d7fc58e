/*
 * cmd_new.c - `rapport new ID`: prints a commented starter scenario that
 * checks clean, for a trainer to copy and change.
 */
#include "commands.h"

#include <stdio.h>
#include <string.h>

static const char starter[] =
"-- %1$s.lua: a Rapport scenario. Reference: docs/authoring.md\n"
"-- Check it with:   rapport check %1$s.lua\n"
"-- See every path:  rapport explore %1$s.lua\n"
"-- Play it:         rapport play %1$s.lua   (F5 reloads after an edit)\n"
"\n"
"scenario {\n"
"  id = \"%1$s\",                 -- lowercase letters, digits and '-'\n"
"  title = \"A New Conversation\",\n"
"  audience = \"external\",        -- \"external\" customer or \"internal\" colleague\n"
"  summary = \"One sentence the trainee reads on the scenario card.\",\n"
"  setting = \"counter\",          -- counter, phone, chat, office, meeting, warehouse\n"
"  difficulty = 1,               -- 1 easy .. 3 hard\n"
"  minutes = 3,\n"
"  pass_mark = 70,\n"
"  version = 1,                  -- raise it when you change the scoring\n"
"  customer = { name = \"Alex Morgan\", role = \"Customer\", mood = -1 },  -- mood -3..3\n"
"}\n"
"\n"
"node \"opening\" {\n"
"  narration = \"A customer walks up to the counter holding a receipt.\",\n"
"  say = \"Hi. I was charged twice for the same order.\",\n"
"  -- Each choice: what the trainee says, how good it is, its effects and\n"
"  -- the feedback the debrief shows. Put the best one anywhere, not always first.\n"
"  { \"That's frustrating, sorry about that. May I see the receipt so I can fix it now?\",\n"
"    quality = \"best\", empathy = 2, resolution = 1, mood = 1, go = \"check\",\n"
"    set = { took_ownership = true },\n"
"    feedback = \"Acknowledging the frustration and taking ownership at once builds trust.\" },\n"
"  { \"Our system doesn't usually do that. Are you sure?\",\n"
"    quality = \"poor\", empathy = -1, mood = -1, go = \"check\",\n"
"    feedback = \"Doubting the customer puts them on the defensive.\" },\n"
"}\n"
"\n"
"node \"check\" {\n"
"  say = \"Here it is. See, two charges.\",\n"
"  { \"You're right, {customer}. I've refunded the duplicate; it shows in 2-3 days.\",\n"
"    quality = \"best\", empathy = 1, resolution = 2, mood = 1, go = \"resolved\",\n"
"    feedback = \"A clear fix and a clear time frame close the problem.\" },\n"
"  { \"I'll ask my manager to look at it next week.\",\n"
"    quality = \"poor\", resolution = -1, mood = -1,\n"
"    -- a function decides where the conversation goes\n"
"    go = function(s) if s.mood >= 0 then return \"resolved\" else return \"unhappy\" end end,\n"
"    feedback = \"A vague hand-off leaves the customer carrying the problem.\" },\n"
"  { \"As I promised, I'll stay on it until it's fixed.\",\n"
"    when = function(s) return s.vars.took_ownership end,   -- shown only after ownership\n"
"    quality = \"good\", resolution = 1, empathy = 1, go = \"resolved\",\n"
"    feedback = \"Following through on what you said earlier keeps your word.\" },\n"
"}\n"
"\n"
"ending \"resolved\" {\n"
"  say = \"Thanks, that was quick.\",\n"
"  outcome = \"resolved\",\n"
"  debrief = \"Ownership and a clear fix turned a complaint into a good experience.\",\n"
"}\n"
"\n"
"ending \"unhappy\" {\n"
"  say = \"I'll take my business elsewhere.\",\n"
"  outcome = \"lost\",\n"
"  pass = false,\n"
"  debrief = \"The customer left with the problem still theirs.\",\n"
"}\n";

int rp_cmd_new(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: rapport new ID > ID.lua\n"
                "  Prints a commented starter scenario; ID uses lowercase letters, digits and '-'.\n");
        return argc == 2 && strcmp(argv[1], "--help") == 0 ? RP_EXIT_OK : RP_EXIT_USAGE;
    }
    const char *id = argv[1];
    if (strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(id) || strlen(id) > 64) {
        fprintf(stderr, "rapport new: '%s' is not a valid id; use lowercase letters, digits and '-'\n", id);
        return RP_EXIT_USAGE;
    }
    printf(starter, id);
    return RP_EXIT_OK;
}
