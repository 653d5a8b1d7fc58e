scenario { id = "x" }
