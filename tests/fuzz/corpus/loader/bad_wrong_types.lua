scenario { id = "bad", title = 5, audience = "external", difficulty = "hard", pass_mark = "seventy",
           customer = "Dana" }
node "opening" { say = { "Hello" },
  { "Hi", quality = "best", empathy = "lots", go = "done", feedback = "f" } }
ending "done" { pass = "yes" }
