-- a plain step whose go function burns most of its budget and comes back to itself
scenario { id = "go-spins", title = "Go spins", audience = "external", customer = { name = "Dana" } }
node "opening" { go = function(s) local x = 0 for i = 1, 2.4e6 do x = x + i end return "opening" end }
ending "done" { outcome = "resolved" }
