scenario { id = "bom", title = "B", audience = "external", customer = { name = "C" } }
node "a" { { "x", quality = "best", go = "e", feedback = "f" } }
ending "e" { }
