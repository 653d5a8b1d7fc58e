-- The benchmark scene: a backdrop, a portrait, one long wrapped line (about
-- three seconds of typewriter) and four choices. bench/gui/floor.c and
-- bench/gui/love/main.lua draw the same scene.
scenario {
  id = "bench-scene",
  title = "Benchmark Scene",
  audience = "external",
  summary = "One decision, for measuring the window.",
  setting = "counter",
  difficulty = 1, minutes = 1,
  customer = { name = "Dana Reyes", role = "Customer since 2014", mood = -1,
               look = { skin = "tan", hair = "long", hair_colour = "brown" } },
}

node "opening" {
  say = "I have been waiting three weeks for my refund, I have called twice already, and every time somebody promises me it is on its way. Can you tell me what is actually going on with my money?",
  { "I'm sorry you've waited so long. Let me pull up your order now.", quality = "best", empathy = 2, go = "done", feedback = "Ownership." },
  { "Refunds take up to 30 days. That's our policy.", quality = "poor", empathy = -1, go = "done", feedback = "Policy first." },
  { "Let me transfer you to billing.", quality = "poor", resolution = -1, go = "done", feedback = "Hand-off." },
  { "Please calm down.", quality = "harmful", empathy = -2, go = "done", feedback = "Dismissive." },
}

ending "done" { say = "Thanks.", outcome = "resolved" }
