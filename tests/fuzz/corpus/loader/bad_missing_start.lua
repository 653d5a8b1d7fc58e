scenario { id = "bad", title = "Bad", audience = "external", customer = { name = "Dana" }, start = "openning" }
node "opening" { say = "Hello.",
  { "Hi", quality = "best", empathy = 1, go = "done", feedback = "Friendly." },
  { "What?", quality = "poor", empathy = -1, go = "done", feedback = "Curt." } }
ending "done" { outcome = "resolved" }
