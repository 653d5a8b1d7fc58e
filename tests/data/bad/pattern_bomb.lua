-- a string pattern whose backtracking would run for minutes in one C call
local s = string.rep("a", 100000)
local found = s:find("a*a*a*b")
scenario { id = "bomb", title = "Bomb", audience = "external", customer = { name = "Dana" } }
