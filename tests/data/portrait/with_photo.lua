scenario {
  id = "with-photo",
  title = "A Customer With a Photo",
  audience = "external",
  summary = "The scenario names a portrait image.",
  setting = "counter",
  difficulty = 1, minutes = 1,
  customer = { name = "Pat Lee", role = "Customer", mood = 0, portrait = "photo.png" },
}

node "opening" {
  say = "Hello.",
  { "Hi, how can I help?", quality = "best", empathy = 1, go = "done", feedback = "Warm." },
  { "What?", quality = "poor", empathy = -1, go = "done", feedback = "Curt." },
}

ending "done" { say = "Thanks.", outcome = "resolved" }
