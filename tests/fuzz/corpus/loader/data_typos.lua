scenario {
  id = "typos",
  title = "Typos everywhere",
  audience = "internal",
  pasmark = 80,
  pass_mark = 95,
  customer = { name = "Lee", department = "Warehouse", mood = -1 },
}

node "opening" {
  sya = "You sent the wrong pallet again.",
  say = "You sent the wrong pallet again.",
  { "Sorry, I'll fix the paperwork today.", quality = "best", emapthy = 2, resolution = 1,
    go = "fixed", feedback = "Owning it." },
  { "Not my department.", quality = "harmful", empathy = -2, go = "fixed" },
  { "I'll look into it.", go = "fixed", feedback = "Vague." },
}

node "orphan" {
  say = "Nobody ever gets here.",
  go = "fixed",
}

node "fixed" {
  say = "Fine.",
  { "Thanks, {name}.", quality = "good", go = function(s) return s.mood > 0 and "good" or "bad" end,
    feedback = "Polite." },
  { "Bye.", quality = "good", go = "bad", feedback = "Same." },
}

ending "good" { outcome = "resolved" }
ending "bad" { outcome = "strained", pass = false }
