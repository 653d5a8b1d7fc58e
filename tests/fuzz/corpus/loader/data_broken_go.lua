scenario {
  id = "broken-go",
  title = "Broken go",
  audience = "external",
  customer = { name = "Pat" },
}

node "opening" {
  say = "Hello?",
  { "Hi, how can I help?", quality = "best", empathy = 1, go = "lookp",
    feedback = "A warm opening." },
  { "What.", quality = "poor", go = "lookup", feedback = "Curt." },
}

node "lookup" {
  say = "My order is late.",
  { "Let me check.", quality = "best", go = "done", feedback = "Good." },
}

ending "done" { outcome = "resolved" }
