scenario { id = "when-loops", title = "When loops", audience = "external", customer = { name = "Dana" } }
node "opening" { say = "Hello.",
  { "Hi", quality = "best", go = "done", feedback = "f", when = function(s) while true do end end },
  { "What?", quality = "poor", go = "done", feedback = "f" } }
ending "done" { outcome = "resolved" }
