-- a 10 MB string built while loading: it fits the memory cap, so the scenario loads
local filler = string.rep("words ", 10 * 1024 * 1024 // 6)
scenario { id = "big", title = "Big", audience = "external", customer = { name = "Dana" }, summary = filler }
node "opening" { say = "Hello.",
  { "Hi", quality = "best", empathy = 1, go = "done", feedback = "Friendly." },
  { "What?", quality = "poor", empathy = -1, go = "done", feedback = "Curt." } }
ending "done" { outcome = "resolved" }
