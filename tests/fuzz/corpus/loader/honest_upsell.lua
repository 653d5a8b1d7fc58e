-- Just the Bike, Thanks
-- A wary customer wants one product and has been burned by pushy selling.
-- The trainee practises the honest upsell: finding out what the customer
-- needs, recommending only what genuinely serves her, explaining why, and
-- resisting a sales target that does not fit her.
-- Ideas from the seeds: happy customers take up upsell and cross-sell
-- opportunities and refer friends (001); some customers need advice and
-- information to decide (000); customers pay more for a better experience
-- (001); good service creates loyal customers and word of mouth (000, 003);
-- the customer is the only boss (004).

scenario {
  id = "honest-upsell",
  version = 1,
  title = "Just the Bike, Thanks",
  audience = "external",
  summary = "Ada is buying her first commuter bike and has been upsold before. Some extras would genuinely protect her; others would only serve a target.",
  setting = "counter",
  difficulty = 2,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "Ada Mensah",
    role = "First-time customer, new bike commuter",
    mood = -1,
    look = { skin = "dark", hair = "curly", hair_colour = "black", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Saturday morning at Spokewright Cycles. A customer walks straight to the counter and points at the window.",
  say = "Hi. I'd like the grey hybrid in the window, the 549 one. Just the bike, thanks. I've been upsold before and I'm not falling for it again.",
  { "No problem. Let me find one in your size. How tall are you?",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "sizing",
    feedback = "Respecting her wish is good, but you have skipped the one question that lets you help: how she will use the bike." },
  { "Happy to. Can I ask how you'll use it? Two minutes, and it's to get the size and setup right, not to sell you extras.",
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = "needs",
    feedback = "Naming her worry and explaining why you are asking turns a sales question into service. Needs come before products." },
  { "Good choice! Have you seen the carbon model, though? It's only 650 more and so much lighter.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "pushed",
    feedback = "She told you exactly what she fears, and the first thing you did was confirm it. Upselling before understanding is just pushing." },
}

node "pushed" {
  say = "I said just the bike. This is exactly what I meant.",
  { "No pressure! It's just that the carbon one really is a better bike.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -2 then return "walked_out" end return "sizing" end,
    feedback = "'No pressure' followed by more pressure is the line every wary customer knows. Better for whom?" },
  { "Fair enough, sorry. The hybrid it is. So I get the setup right, how will you be using it?",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "needs",
    feedback = "A quick apology and a genuine question rescue the sale. Listening is what earns the right to recommend." },
}

node "sizing" {
  say = "Five foot six. Can we get on with it?",
  { "Medium, then. Anything else today?",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, set = { skipped_needs = true }, go = "extras",
    feedback = "Quick, but you still know nothing about how she will ride. Any advice you give now is a guess." },
  { "Medium frame. Out of interest, what will you use it for? It changes how I set it up.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "needs",
    feedback = "A good recovery: a short, honest reason for asking gets you the information you need to advise her well." },
}

node "needs" {
  say = "Commuting. Eight miles each way, starting Monday. It'll be locked outside the station all day.",
  { "Great, the hybrid will do that easily.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "lock",
    feedback = "Reassuring, but you heard 'locked at the station all day' and let it pass. That is where she most needs advice." },
  { "Then the hybrid's right; a carbon bike would be wasted on that. What I'd think about is a lock: that station is a theft hot spot.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { trust = true }, go = "lock",
    feedback = "Telling her NOT to buy the dearer bike earns the trust that makes your next recommendation believable." },
  { "Eight miles is a long way. You'd be much quicker on one of our road bikes.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -2 then return "walked_out" end return "lock" end,
    feedback = "Second-guessing her choice to steer her upmarket ignores what she told you and what she asked for." },
}

node "lock" {
  say = "What's wrong with the cable lock I've already got?",
  { "Honestly? With a cable lock, it'll be gone in a week.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "extras",
    feedback = "There is truth in it, but exaggeration and fear are selling tools, not advice. She will discount what you say next." },
  { "We'd always recommend a D-lock for city parking.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "extras",
    feedback = "Right advice, but 'we'd always recommend' sounds like a script. Tell her why, so she can judge for herself." },
  { "A cable can be cut in seconds. For all day at a station, get a gold-rated D-lock. Ours is 45, but any gold-rated one does the job.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { lock_sold = true }, go = "extras",
    feedback = "The reason, the standard to look for and the freedom to buy elsewhere: information that lets her decide. That is a cross-sell she will thank you for." },
}

node "extras" {
  say = "OK. Is there anything else I actually need?",
  { "Lights, definitely.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "plan",
    feedback = "Correct but bare. Tell her why, and just as usefully, what she does not need." },
  { "Well: helmet, lights, mudguards, a rack, pannier bags, a pump, a bottle cage, our service plan...",
    quality = "poor", empathy = -1, resolution = -1, mood = -2, set = { oversold = true }, go = "overwhelmed",
    feedback = "Listing the whole catalogue to someone who asked what she NEEDS turns advice into a sales pitch." },
  { "Lights, if you'll ride home in the dark this winter; it's the law too. The 30 set is plenty. Mudguards are nice, not essential. That's it.",
    when = function(s) return not s.vars.skipped_needs end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "plan",
    feedback = "Essential, optional and 'that's it': a short, honest list built on her commute. Saying where the list stops is what makes it believable." },
  { "A good lock, if you'll leave it anywhere for long, and lights for dark evenings.",
    when = function(s) return s.vars.skipped_needs end,
    quality = "good", empathy = 0, resolution = 2, mood = 0, set = { lock_sold = true }, go = "plan",
    feedback = "Sensible general advice, but without knowing her commute you cannot tell her which matters most or what she can skip." },
}

node "overwhelmed" {
  say = "I'm not made of money. Which of those do I actually need?",
  { "They're all recommended, really.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -2 then return "walked_out" end return "plan" end,
    feedback = "If everything is recommended, nothing is. She asked you to prioritise, so prioritise." },
  { "Sorry, that was the full catalogue. For your commute: a good lock and lights. Everything else is optional.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, set = { lock_sold = true }, go = "plan",
    feedback = "Admitting you overdid it and cutting to what she needs restores some trust." },
}

node "plan" {
  narration = "The till flashes: 'Offer 3-year Protection Plan, 120.' This morning your manager reminded everyone of the monthly target.",
  say = "What's that on the screen? 'Protection plan'?",
  { "Extended cover. Honestly, the bike already has a two-year warranty, and the plan mostly covers wear parts. The free service matters more.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { honest_plan = true }, go = "budget",
    feedback = "Explaining what it covers and that it is poor value for her costs one sale today and wins a customer for years." },
  { "It's great value: it covers everything for three years. Most people take it. Shall I add it?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, set = { plan_added = true }, go = "budget",
    feedback = "Vague claims and 'most people take it' are pressure, not information. A target is never a reason to sell something that does not fit." },
  { "It's optional extended cover. Here's the leaflet if you'd like to read it.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "budget",
    feedback = "No pressure, which is good, but she asked you. Your honest view would save her reading the small print." },
}

local function to_close(s)
  if s.mood >= 1 then return "close_warm" end
  return "close_cool"
end

node "budget" {
  say = "So where does that leave me? I said about 600.",
  { "It's a bit over, but you can't put a price on safety, can you?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = to_close,
    feedback = "Using safety to brush aside her budget is a pressure line. She told you her limit; help her work within it." },
  { "As you're buying a bike today, I can take 10% off the accessories.",
    quality = "good", empathy = 0, resolution = 1, mood = 1, go = to_close,
    feedback = "A kind gesture that helps, but a discount is no substitute for helping her decide what she needs today." },
  { "Bike 549, lock 45, lights 30: 624. If that's over budget, take the lock today and get lights before the clocks change.",
    when = function(s) return not s.vars.plan_added end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = to_close,
    feedback = "A clear breakdown and an honest way to stay on budget put her in charge. Customers come back to shops that do this." },
  { "744 with the plan. Actually, let me take the plan off: for your commute it isn't worth 120. That makes it 624.",
    when = function(s) return s.vars.plan_added end,
    quality = "good", empathy = 1, resolution = 2, mood = 1, go = to_close,
    feedback = "Undoing your own upsell is uncomfortable but right. It turns a mistake into proof that you are on her side." },
}

node "close_warm" {
  say = "Thanks, {trainee}. Honestly, that's the first time a shop has told me NOT to buy something.",
  { "No problem. Here's your receipt.",
    quality = "good", empathy = 0, resolution = 1, mood = 0,
    go = function(s) if s.mood >= 2 and s.vars.trust then return "advocate" end return "sale_made" end,
    feedback = "Fine, but a missed chance to set up the next visit." },
  { "Can I take your email for our newsletter? There are loads of offers.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1,
    go = function(s) if s.mood >= 2 and s.vars.trust then return "advocate" end return "sale_made" end,
    feedback = "After she has just praised you for not pushing, a marketing sign-up feels like the catch." },
  { "That's how it should be. Bring it back in six weeks for the free check, and enjoy Monday's ride.",
    quality = "best", empathy = 1, resolution = 1, mood = 1,
    go = function(s) if s.mood >= 2 and s.vars.trust then return "advocate" end return "sale_made" end,
    feedback = "Inviting her back for a free service starts a relationship rather than closing a sale." },
}

node "close_cool" {
  say = "Right. Can I just pay now, please?",
  { "Sure. Shall I add the protection plan while I'm at it?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood >= 0 then return "sale_made" end return "buyers_remorse" end,
    feedback = "One more push at the till is what she will remember about this shop." },
  { "Of course. And bring it back in six weeks for the free safety check; it's included.",
    quality = "good", empathy = 1, resolution = 1, mood = 1,
    go = function(s) if s.mood >= 0 then return "sale_made" end return "buyers_remorse" end,
    feedback = "Respecting her wish to finish while offering something free and useful ends on a better note." },
}

ending "advocate" {
  narration = "A month later two of Ada's colleagues come in asking for 'the honest one at the counter'.",
  say = "I'll be back for the service. And I'm telling everyone at work about this place.",
  outcome = "resolved",
  debrief = "You recommended only what she genuinely needed, explained why, and talked her out of a dearer bike she did not need. An honest upsell serves the customer first, so it builds trust, repeat business and word of mouth worth far more than one extra sale.",
}

ending "sale_made" {
  say = "Thanks. Bye.",
  outcome = "partial",
  debrief = "Ada bought the bike, but she leaves neutral: a transaction, not a relationship. Buyers become advocates when they see you put their interest ahead of a sale, such as telling her the dearer bike would be wasted on her commute. Recommend only what fits, explain why, and say what she can skip.",
}

ending "buyers_remorse" {
  narration = "Next day Ada returns the accessories and posts a review: 'Pushy. Went in for a bike, nearly came out with a loan.'",
  outcome = "returned",
  pass = false,
  debrief = "Pressure made the sale bigger for a day and the customer smaller for good. Upsells that serve targets rather than needs come back as returns, bad reviews and lost referrals.",
}

ending "walked_out" {
  say = "You know what? I'll buy it online. At least a website doesn't argue with me.",
  outcome = "lost",
  pass = false,
  debrief = "She told you her fear at the start, and the pitch confirmed it. Customers who need advice want a guide, not a salesperson. Ask about her needs first and recommend only what fits.",
}
