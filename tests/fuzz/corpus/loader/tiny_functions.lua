scenario { id = "tiny", title = "Tiny", audience = "internal", customer = { name = "Kim", mood = -1, look = { hair = "short", glasses = true } }, weights = { empathy = 2, choices = 0 }, pass_mark = 50 }
node "start" { say = "Hi {trainee}, it's {customer}.", time_limit = 5, on_timeout = "late",
  { "Hello", quality = "good", empathy = 1, set = { greeted = true, n = 1, word = "hi" }, go = "mid", feedback = "ok" },
  { "What?", quality = "poor", mood = -1, go = function(s) if s.mood < 0 then return "late" end return "mid" end, feedback = "no" },
}
node "mid" { narration = "Kim waits. {word}",
  { "Sure", quality = "best", resolution = 2, when = function(s) return s.vars.greeted and s.visited("start") end, go = "done", feedback = "yes" },
  { "Later", quality = "harmful", empathy = -2, go = "start", feedback = "never" },
}
node "late" { say = "Too slow.", go = "lost" }
ending "done" { say = "Thanks!", outcome = "resolved", debrief = "Good." }
ending "lost" { outcome = "lost", pass = false }
