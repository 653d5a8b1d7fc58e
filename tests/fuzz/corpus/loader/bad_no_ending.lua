scenario { id = "bad", title = "Bad", audience = "external", customer = { name = "Dana" } }
node "opening" { say = "Hello.", { "Hi", quality = "best", go = "opening", feedback = "f" } }
