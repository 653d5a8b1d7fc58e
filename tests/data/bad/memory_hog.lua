-- keeps every string it builds: over the 64 MB cap
local keep = {}
for i = 1, 1e9 do keep[i] = string.rep("x", 1000) .. i end
scenario { id = "hog", title = "Hog", audience = "external", customer = { name = "Dana" } }
