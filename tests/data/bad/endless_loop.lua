-- loops for ever while loading
while true do end
scenario { id = "loop", title = "Loop", audience = "external", customer = { name = "Dana" } }
