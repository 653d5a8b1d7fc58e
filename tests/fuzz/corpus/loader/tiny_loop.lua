scenario { id = "loop", title = "Loop", audience = "external", customer = { name = "Lo" }, start = "a" }
node "a" { { "again", go = "b", set = { k = 1 }, feedback = "f" }, { "stop", go = "end", quality = "best", feedback = "f" } }
node "b" { go = function(s) if s.vars.k then return "a" end return "end" end }
ending "end" { outcome = "done" }
