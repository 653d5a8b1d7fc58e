scenario { id = "bad", title = "Bad", audience = "external", customer = { name = "Dana" } }
node "opening" { say = "Hello.",
  { "Hi", quality = "best", go = "doen", feedback = "f" },
  { "What?", quality = "poor", go = "done", feedback = "f" } }
ending "done" { outcome = "resolved" }
