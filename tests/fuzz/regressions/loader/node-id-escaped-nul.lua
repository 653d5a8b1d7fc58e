scenario { id = "x", title = "X", audience = "external", customer = { name = "C" } }
node "\0a" { { "x", quality = "best", go = "e", feedback = "f" } }
node "\0b" { { "x", quality = "best", go = "e", feedback = "f" } }
ending "e" { }
