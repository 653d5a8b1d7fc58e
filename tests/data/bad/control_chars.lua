-- text that would drive the trainee's terminal in `rapport play --text`
scenario { id = "ctl", title = "Control", audience = "external", customer = { name = "Dana" } }
node "opening" { say = "Hello.\27]0;owned\7\27[2J",
  { "Hi", quality = "best", empathy = 1, go = "done", feedback = "Friendly.", set = { note = "\27[31m" } },
  { "What?", quality = "poor", empathy = -1, go = "done", feedback = "Curt." } }
ending "done" { outcome = "resolved" }
