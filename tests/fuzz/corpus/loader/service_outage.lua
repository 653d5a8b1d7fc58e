-- Saturday With No Card Payments
-- A business customer lost a day's trade to an outage caused by the company.
-- The trainee practises crisis handling: owning the failure, giving honest
-- facts without speculating, offering a remedy within their authority, and
-- rebuilding trust with concrete changes and a named contact.
-- Ideas from the seeds: crisis management, a well-trained team can mitigate
-- damage and rebuild trust (001); keeping a customer costs less than winning
-- one (001, 002); poor service, not price, drives customers away and they
-- tell others (004); "there is only one boss, the customer" (004).

scenario {
  id = "service-outage",
  version = 1,
  title = "Saturday With No Card Payments",
  audience = "external",
  summary = "A five-hour till outage cost Rafael's four grocery shops their Saturday trade. He wants answers, money and a reason to stay.",
  setting = "phone",
  difficulty = 3,
  minutes = 7,
  pass_mark = 70,
  customer = {
    name = "Rafael Mendes",
    role = "Owner, Mendes Market (four shops), customer for four years",
    mood = -3,
    look = { skin = "tan", hair = "short", hair_colour = "grey", glasses = true, beard = true },
  },
  start = "opening",
}

node "opening" {
  narration = "Monday, 8:05. Saturday's Tillwright outage hit hundreds of shops. The first call on the business line is Mendes Market.",
  say = "Five hours with no card payments. On a Saturday! Queues out the door, people leaving full baskets at the till. Four shops. What happened?",
  time_limit = 15, on_timeout = "dead_air",
  { "There was a platform-wide incident on Saturday affecting a number of merchants. It has now been resolved.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "facts",
    feedback = "A press-release sentence keeps the company at arm's length. In a crisis, customers need a person, not a statement." },
  { "It wasn't just you, to be fair. Everyone was down, and it's all working again now.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "minimised",
    feedback = "Meant as comfort, it shrinks his loss. Being one of many victims makes nobody feel better." },
  { "Mr Mendes, I'm sorry. Saturday is your busiest day and our system let you down. I'll tell you exactly what happened and what we'll do.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "facts",
    feedback = "Apology, ownership and a clear agenda in one breath: he hears that someone is taking responsibility and has a plan for the call." },
}

node "dead_air" {
  say = "Hello? Is anybody there? This is exactly what Saturday was like. Nobody answering.",
  { "Sorry, I was just pulling up the incident notes.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "facts",
    feedback = "Reading before speaking left a furious customer in silence. Acknowledge him first; look things up while you talk." },
  { "I'm here, Mr Mendes, and I'm sorry. You're right to be angry; Saturday was our failure.",
    quality = "good", empathy = 1, resolution = 0, mood = 1, go = "facts",
    feedback = "A quick, human recovery. In a crisis, silence reads as hiding, so say something true straight away." },
}

node "minimised" {
  say = "Everyone? So I should feel better because you let everyone down? I'm not 'everyone'. I'm the one who lost a Saturday.",
  { "You're right, that was a poor thing to say. It's your business that was hit, and I'm sorry.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "facts",
    feedback = "Admitting a clumsy line straight away is the fastest way back. Defending it would have made it worse." },
  { "I only meant it wasn't anything on your side.",
    quality = "harmful", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -3 then return "lost" end return "facts" end,
    feedback = "Explaining what you meant puts your intentions ahead of his loss. He stops listening." },
}

node "facts" {
  say = "Go on, then. What actually happened?",
  { "Our engineers are still confirming the root cause. I'll send you the incident report as soon as it's published.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, set = { promised_report = true }, go = "impact",
    feedback = "Honest and not speculating, which is good. But you already know the broad cause, and holding it back sounds evasive." },
  { "A software update we released on Saturday morning stopped card readers connecting. We rolled it back at 2:10. Our error, not your network.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { explained = true }, go = "impact",
    feedback = "Plain facts, the time it was fixed and a clear 'our error'. Customers can forgive a failure; they cannot forgive being kept in the dark." },
  { "It could be several things. Sometimes local internet problems play a part too.",
    quality = "poor", empathy = -1, resolution = -2, mood = -2, go = "impact",
    feedback = "Guessing in a crisis, especially a guess that shifts blame onto the customer, destroys credibility the moment the real cause comes out." },
}

node "impact" {
  say = "Do you know what that cost me? My managers reckon over 3,000 in lost sales. Two regulars told me they're going to the supermarket now.",
  { "Our terms cap liability at the monthly subscription fee, I'm afraid.",
    quality = "poor", empathy = -2, resolution = -1, mood = -2,
    go = function(s) if s.mood <= -3 then return "lost" end return "remedy" end,
    feedback = "The contract may say so, but quoting it before you have even heard his loss tells him the company cares about its exposure, not about him." },
  { "That's a real loss, and it landed on you, not us. Tell me how the day went in each shop, so the full picture goes to our credit team.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { listened = true }, go = "remedy",
    feedback = "Letting him tell the story shows respect and gets you the facts a fair claim needs. Listening is part of the remedy." },
  { "I understand. Can you email me your sales figures so I can raise a claim?",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "remedy",
    feedback = "A practical step, but 'I understand' followed by paperwork can sound like a form being filled in." },
}

node "remedy" {
  say = "So what are you actually going to do about it?",
  { "Leave it with me. You'll get the full 3,000 back, I promise.",
    quality = "poor", empathy = 1, resolution = -1, mood = 1, set = { overpromised = true }, go = "in_writing",
    feedback = "It buys a moment of relief with money you are not authorised to promise. Over-promising in a crisis sets up a second betrayal." },
  { "On my own authority, I'm crediting three months' fees today. Your claim goes to our credit team with my backing. Answer by Thursday.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { claim_raised = true }, go = "prevention",
    feedback = "Something real now, an honest route for the rest, and a date. Within your authority, but still owning the outcome." },
  { "I'll need to escalate this to my manager. Someone will be in touch.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "prevention",
    feedback = "Escalating can be right, but 'someone will be in touch' with no name or date is passing the buck. Own the hand-over and the deadline." },
}

node "in_writing" {
  narration = "You check the compensation policy. Anything above one month's fees needs the credit team's sign-off.",
  say = "Good. Then I want that in writing today, with your name on it.",
  { "Of course. I'll email you confirmation this afternoon.",
    quality = "harmful", empathy = 0, resolution = -2, mood = 0, set = { false_promise = true }, go = "prevention",
    feedback = "Putting an unauthorised promise in writing turns a slip of the tongue into a broken commitment that he can forward to anyone." },
  { "I have to correct myself, and I'm sorry. I can't promise the full amount. I can credit three months today and back your claim.",
    quality = "good", empathy = 1, resolution = 1, mood = -1, set = { claim_raised = true }, go = "prevention",
    feedback = "Walking back a promise hurts for a moment, but it keeps your word worth something. Trust is rebuilt on promises that are kept." },
}

node "prevention" {
  say = "And how do I know this won't happen again next Saturday?",
  { "Our engineering team is reviewing the release process.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "switch_threat",
    feedback = "True, but abstract. He needs to know what changes for his shops." },
  { "It won't. It was a one-off, I can guarantee that.",
    quality = "poor", empathy = 0, resolution = -2, mood = -1, go = "switch_threat",
    feedback = "Nobody can guarantee that, and he knows it. False certainty after a failure sounds like you have learned nothing." },
  { "No one can promise zero outages. But: no more weekend updates, and your tills can now take cards offline for a day. Shall I switch that on?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { offline_mode = true }, go = "switch_threat",
    feedback = "Honesty about limits plus concrete changes he can use today. That is what rebuilding trust looks like in practice." },
}

node "switch_threat" {
  say = "My cousin's been on at me for months to move to another till company. Give me one good reason to stay.",
  { "You're in contract until next June, so there would be an early exit fee.",
    quality = "poor", empathy = -2, resolution = -1, mood = -2, go = "close",
    feedback = "Holding a customer by the contract keeps him until the day he can leave, and guarantees that he will, telling others why." },
  { "You've had four solid years with us, and I won't pretend Saturday didn't happen. From today you have a named contact: me, on my direct line.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { named_contact = true }, go = "close",
    feedback = "Acknowledging the failure while reminding him of the track record is honest. A named person is the strongest reason to stay after a crisis." },
  { "I can send you a comparison of our features against other providers.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "close",
    feedback = "Facts can help him decide, but features were never his problem. Trust was." },
}

local function outcome(s)
  if s.vars.false_promise then return "broken_promise" end
  if s.mood >= 1 then return "retained" end
  if s.mood >= -1 then return "on_notice" end
  return "lost"
end

node "close" {
  say = "All right, {trainee}. So what happens next?",
  { "That should be everything. Is there anything else I can help with today?",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = outcome,
    feedback = "A scripted close after a crisis call leaves him to remember the promises on his own. Summarise and commit." },
  { "Today you get the credit and my direct line by email. By Thursday I call you with the claim decision. Does that work for you?",
    when = function(s) return s.vars.claim_raised end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = outcome,
    feedback = "A short summary with dates turns good intentions into commitments he can check. Then keep every one of them." },
  { "I'll chase my manager today and email you by 5 pm with the name of whoever is handling your claim.",
    when = function(s) return not s.vars.claim_raised end,
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = outcome,
    feedback = "A deadline and a name repair some of the earlier hand-off, but he still leaves without anything settled." },
  { "You'll get an email summary shortly.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = outcome,
    feedback = "Better than nothing, but 'shortly' is the kind of vague word that made Saturday worse." },
}

ending "retained" {
  say = "All right. I'll hold you to every word of that, {trainee}. And thanks for not fobbing me off.",
  outcome = "retained",
  debrief = "You handled the crisis the way it should be handled: own it, tell the truth, fix what you can now, route the rest honestly with a date, and show what changes. A business customer who watches you handle a failure well can trust you more than before.",
}

ending "on_notice" {
  say = "I'll stay for now. But one more Saturday like that and I'm gone.",
  outcome = "partial",
  debrief = "Rafael stays, but on notice. Somewhere the call sounded like the company protecting itself: vague facts, a hand-off, or a contract quoted at him. In a crisis every answer is judged twice, on what it fixes and on whose side it shows you are on.",
}

ending "lost" {
  say = "I've heard enough. I'm ringing my cousin's provider this afternoon. Send me the exit paperwork.",
  outcome = "lost",
  pass = false,
  debrief = "The outage did not lose this customer; the call did. Minimising, guessing and quoting terms told him he was on his own. Winning a new four-shop account costs far more than keeping this one, and he will tell every shopkeeper he knows.",
}

ending "broken_promise" {
  narration = "On Thursday the credit team approves one month's fees. Rafael forwards your written promise to your director, and to his trade association.",
  outcome = "escalated",
  pass = false,
  debrief = "Everything else may have gone well, but a written promise beyond your authority became a second failure. In a crisis, the most valuable thing you have is your word: promise only what you control, and say honestly how the rest will be decided.",
}
