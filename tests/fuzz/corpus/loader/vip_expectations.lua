-- VIP Expectations: a loyal premium customer whose order slipped.
-- Draws on: loyalty and retention, "treat every customer as a VIP" (seed 001),
-- word of mouth and the unhappy customer who tells fifteen people (seeds 000, 004),
-- the symbiosis of internal and external service (seed 003).

scenario {
  id = "vip-expectations",
  version = 1,
  title = "VIP Expectations",
  audience = "external",
  summary = "Margot, a Signature member for eleven years, learned by text that her dining table will miss her Saturday dinner party.",
  setting = "counter",
  difficulty = 3,
  minutes = 7,
  pass_mark = 70,
  customer = {
    name = "Margot Sterling",
    role = "Signature member since 2013, Larkspur & Vale Interiors",
    mood = -2,
    look = { skin = "fair", hair = "bun", hair_colour = "grey", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Larkspur & Vale showroom, Monday. {customer} sets her phone on the concierge desk, screen up, a delivery text showing.",
  say = "Eleven years I've bought from you. Three sofas, my entire dining room. And I find out my table is two weeks late from a text message. A text.",
  { "Ms Sterling, you're right. After eleven years, a text wasn't good enough. Let me pull up the order and find out exactly what happened.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "details",
    feedback = "You named her loyalty and her real complaint, how she was told, before touching the facts. Loyal customers are the cheapest to keep and the costliest to lose." },
  { "I'm so sorry. Please have a seat. Can I get you a coffee while I look into it?",
    quality = "good", empathy = 1, resolution = 0, mood = 1, go = "details",
    feedback = "Hospitality is a good instinct, but it skips her point: she was treated like a number. Name what went wrong, then look after her." },
  { "Delivery dates are set by our logistics partner, I'm afraid, and those texts go out automatically.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "bristle",
    feedback = "True, but to her it sounds like 'not my department'. The customer sees one company, and right now you are it." },
  { "We send the same message to every customer, madam. We can't treat anyone differently.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "bristle",
    feedback = "Fair treatment doesn't have to be cold treatment. Every customer deserves to feel like a VIP, and she is telling you she didn't." },
}

node "bristle" {
  say = "So eleven years counts for nothing. Wonderful. Perhaps I should speak to someone who can actually do something.",
  { "Of course. I'll go and get my manager.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "escalated",
    feedback = "Handing her on before you've tried tells her you can't help. Escalate when you reach your limits, not to escape the conversation." },
  { "It counts for a great deal, and I answered badly. I can do something: I'll own this myself, starting with your order.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "details",
    feedback = "Admitting a poor answer and taking ownership is the fastest way back. Customers forgive a stumble; they don't forgive being passed around." },
  { "The manager will tell you exactly the same thing.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "lost",
    feedback = "This dares a loyal customer to leave. An unhappy customer can tell fifteen people, and you have just given her the story." },
}

node "details" {
  narration = "The screen shows the walnut table finished in the workshop but stuck behind a backlog. Next delivery slot: the 19th.",
  say = "The dinner is on Saturday. Twelve guests, including my husband's board. I need that table by Friday. Make it happen.",
  { "Consider it done. I'll have it on your doorstep by Friday.",
    quality = "poor", empathy = 1, resolution = -2, mood = 1, set = { promised = true }, go = "promise-made",
    feedback = "It buys a smile now and a bigger disappointment later. Never promise what you haven't checked; a broken promise to a loyal customer costs more than 'let me find out'." },
  { "I won't promise Friday until I know it's real. Give me two minutes to ring the workshop myself. You deserve the truth, not a guess.",
    quality = "best", empathy = 1, resolution = 2, mood = 0, set = { checked = true }, go = "workshop",
    feedback = "Honesty plus immediate action. VIP treatment isn't saying yes to everything; it's someone who takes charge and tells the truth." },
  { "Friday isn't possible, I'm afraid. The system says the 19th.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "flat-no",
    feedback = "A flat no read off a screen, before anyone has checked, makes the system the decision-maker. She came to a person for help." },
}

node "flat-no" {
  say = "'The system says.' Is there a human being anywhere in this building who can actually help me?",
  { "I'm sorry, the 19th really is the earliest slot.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "escalated",
    feedback = "Repeating the no leaves her only one move: going over your head. Find out what is possible before you say what isn't." },
  { "Yes: me. I'll ring the workshop right now and find out what's really possible.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { checked = true }, go = "workshop",
    feedback = "You turned 'the system' back into a person who acts. Ownership is what a premium customer is really paying for." },
}

node "promise-made" {
  narration = "While she waits, you ring the workshop after all. Friday is impossible: the delivery crews are booked until Monday.",
  say = "You've gone quiet. It's Friday, yes?",
  { "There's been a slight hitch with the crews, so it might be Monday now.",
    quality = "poor", empathy = -1, resolution = 0, mood = -2, go = "options",
    feedback = "'A slight hitch' hides that the mistake was yours. A vague correction sounds like an excuse and costs more trust than a plain apology." },
  { "I owe you an honest answer: I promised Friday before I'd checked, and I was wrong. The table can't travel until Monday, but I have options.",
    quality = "best", empathy = 1, resolution = 1, mood = -1, go = "options",
    feedback = "Correcting your own broken promise, straight away, is the only way back. It costs you a moment of embarrassment and saves her trust." },
  { "Should be fine! I'll confirm with you on Thursday.",
    quality = "harmful", empathy = -1, resolution = -2, mood = 0, go = "broken-promise",
    feedback = "Stalling turns one mistake into a bigger one. She will find out on Thursday, with two days left and no options." },
}

node "workshop" {
  narration = "You ring the workshop with Ms Sterling listening. Deniz, the finisher, sighs: 'Friday? Everyone wants Friday. We're three days behind.'",
  say = "Well? Tell them who it's for.",
  { "Deniz, honestly, this is exactly why customers complain about the workshop.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -1, go = "options",
    feedback = "Blaming another team in front of a customer makes the whole company look broken. Deniz is your internal customer too, and you need their goodwill to keep any promise." },
  { "It's for a Signature client, so it has to jump the queue. Can you just make it happen?",
    quality = "poor", empathy = -1, resolution = 0, mood = 0, go = "options",
    feedback = "Pulling rank on a colleague gets grudging help at best. Explaining the situation and asking what's possible gets you real options." },
  { "Deniz, I know you're stretched. She has a dinner on Saturday. Could the table be ready Thursday if I sort out the delivery?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { deniz_onside = true }, go = "options",
    feedback = "You treated the workshop as a partner, and the customer watched you do it. How colleagues treat each other shows in how customers are treated." },
}

node "options" {
  narration = "The workshop can finish the table on Thursday. The delivery crews, though, are booked solid until Monday.",
  say = "Thursday, Monday. So what are you actually offering me?",
  { "I can take ten percent off the table for the inconvenience.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "vip-ask",
    feedback = "A discount answers a question she didn't ask. She wants her table on Saturday, not money back." },
  { "Two options. Our showroom van brings it Friday morning, and Deniz will help load it. Or the floor model comes to you on loan. Your choice.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "vip-ask",
    when = function(s) return s.vars.deniz_onside end,
    feedback = "Real options, checked before you offered them, and the choice is hers. The goodwill you built with the workshop is what made the Friday van possible." },
  { "I can lend you the floor model for Saturday, delivered on Friday.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "vip-ask",
    feedback = "A workable fix, but a take-it-or-leave-it one. Offering a choice gives a VIP customer the control she's looking for." },
  { "Honestly, most customers just wait the extra week.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "vip-ask",
    feedback = "Comparing her to 'most customers' is the opposite of what she came for. It tells her the loyalty she has shown isn't seen." },
}

node "vip-ask" {
  say = "And I expect something for my trouble. The delivery fee waived, at the very least. Do you know how many friends I've sent to you?",
  { "I'll waive the delivery fee, of course.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "word-of-mouth",
    feedback = "Fair and quick, but it skips her real point: she sends you customers. Thank her for that." },
  { "Every customer is important to us, Ms Sterling. I can't make exceptions.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "word-of-mouth",
    feedback = "Hiding behind policy when you have the authority to help sounds like indifference. The fee is yours to waive; refusing it throws away eleven years of goodwill." },
  { "I know you have, and thank you for every one. The fee is waived, and I'll be your one contact until the table is in your dining room.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, set = { one_contact = true }, go = "word-of-mouth",
    feedback = "You thanked her for her referrals, gave what was yours to give and made yourself accountable. Recognising what a loyal customer brings is part of keeping her." },
  { "I'll have to ask my manager about compensation.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "word-of-mouth",
    feedback = "Passing a small decision upward makes her wait and makes you look powerless. Use the authority you have." },
}

node "word-of-mouth" {
  say = "Half my book club bought their kitchens here because of me. They'll ask how this went. What exactly am I supposed to tell them?",
  { "Please don't post anything about it. I could get into real trouble.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "close",
    feedback = "Making it about your job asks her to protect you. Earn the story instead of begging her not to tell it." },
  { "That's fair to ask. I'd like what they hear to be how we put it right. If anything slips again, you call me first.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "close",
    feedback = "Word of mouth works both ways: happy customers bring others, unhappy ones tell up to fifteen people. You gave her a recovery story worth repeating." },
  { "With respect, it's only a few days' delay. I'm sure they'll understand.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "close",
    feedback = "Minimising the problem tells her you still don't see it. Customers rarely leave over price; they leave over poor service." },
}

local function close_out(s)
  if s.mood >= 1 then return "loyal" elseif s.mood >= -1 then return "kept" else return "lost" end
end

node "close" {
  say = "Fine. And how will I know it's actually happening this time?",
  { "You'll get a confirmation text the day before.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = close_out,
    feedback = "The text message is what started this. When trust is thin, choose the personal channel." },
  { "Here's my card. Call me any time.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = close_out,
    feedback = "Warm and personal, but it leaves the chasing to her. Good service closes the loop itself." },
  { "I'll email you a written confirmation tonight with the date and a delivery window.",
    quality = "good", empathy = 0, resolution = 2, mood = 0, go = close_out,
    when = function(s) return not s.vars.one_contact end,
    feedback = "Writing it down helps. Offering to ring her yourself would have given the personal attention she asked for." },
  { "As your one contact: an email tonight with your option and a time window, then a call from me on Friday at eight when the van leaves.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = close_out,
    when = function(s) return s.vars.one_contact end,
    feedback = "Specific, written and proactive: she doesn't have to chase anyone. Contacting customers before they have to ask is what keeps them loyal." },
}

ending "loyal" {
  say = "Friday at eight, then. Thank you, {trainee}. That is how I expect to be looked after here.",
  outcome = "resolved",
  debrief = "Margot stays, and her book club will hear a recovery story. You owned the failure, checked before promising, treated the workshop as a partner and followed up in person. Keeping a loyal customer costs far less than winning a new one.",
}

ending "kept" {
  say = "I'll take the table. Whether I buy the next one from you, we'll see.",
  outcome = "strained",
  debrief = "You kept the order but not the warmth. A premium customer measures you on how the problem was handled, not only on the fix: early ownership, honest answers and a personal follow-up are what turn a complaint into loyalty.",
}

ending "escalated" {
  narration = "Your manager comes over, apologises and takes Ms Sterling to her office. You go back to the desk.",
  say = "Finally, someone who's in charge.",
  outcome = "escalated",
  debrief = "Margot may still be saved, but not by you, and she now believes the front desk can't help. Before you hand on a customer, try: find out what's possible, own the problem, and escalate only what is truly beyond your authority.",
}

ending "lost" {
  say = "Cancel the order. I'll find a table somewhere that knows who I am.",
  outcome = "lost",
  pass = false,
  debrief = "An eleven-year customer walked out, and she'll tell her friends why. She didn't leave over a late table; she left because she felt processed, not served. Acknowledge loyalty, own the failure, and never make a VIP feel like 'most customers'.",
}

ending "broken-promise" {
  narration = "Thursday afternoon. Ms Sterling's number lights up your phone.",
  say = "Monday? You promised me Friday. To my face. Cancel everything, and don't bother calling me again.",
  outcome = "lost",
  pass = false,
  debrief = "An unchecked promise, then a stall, cost a loyal customer and her referrals. The honest 'let me find out' feels weaker in the moment but is what premium customers trust. When you've over-promised, correct it yourself at once.",
}
