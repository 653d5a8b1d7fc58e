scenario { id = "bad", tittle = "Bad", title = "Bad", audience = "external", customer = { name = "Dana", mod = -1 } }
node "opening" { sya = "Hello.",
  { "Hi", quality = "best", empathy = 1, go = "done", feedbak = "Friendly." },
  { "What?", quality = "poor", empathy = -1, go = "done", feedback = "Curt." } }
ending "done" { outcome = "resolved" }
