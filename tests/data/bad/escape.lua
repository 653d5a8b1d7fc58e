-- tries to leave the sandbox
os.execute("touch /tmp/rapport-escaped")
scenario { id = "escape", title = "Escape", audience = "external", customer = { name = "Dana" } }
