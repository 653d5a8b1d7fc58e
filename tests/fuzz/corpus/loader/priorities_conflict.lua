-- Competing Priorities: Support and Engineering both have a customer deadline.
-- Draws on: internal customers and service across departments (seeds 002, 003),
-- support as a source of feedback that improves the product (seed 001), a
-- customer-centric culture reaching teams that never meet customers (seed 004),
-- and collaboration over blame (seed 003).

scenario {
  id = "priorities-conflict",
  version = 1,
  title = "Competing Priorities",
  audience = "internal",
  summary = "An export bug is wrecking customers' VAT returns before Friday, and Engineering is racing to a Monday launch. Hana, the engineering lead, is already annoyed.",
  setting = "meeting",
  difficulty = 2,
  minutes = 6,
  pass_mark = 70,
  customer = {
    name = "Hana Sato",
    role = "Engineering lead, Quillfeather",
    department = "Engineering",
    mood = -1,
    look = { skin = "fair", hair = "short", hair_colour = "black", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Quillfeather, Tuesday. You asked {customer}, the engineering lead, for fifteen minutes about the export bug. She arrives with her laptop already open.",
  say = "Before you start: your team pinged four of my engineers directly yesterday. Everything's 'urgent'. We launch bank feeds on Monday. I can't run a sprint like this.",
  { "If your team fixed bugs, mine wouldn't have to chase them.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "bristled",
    feedback = "It may feel deserved after a week of angry customers, but it turns a colleague into an opponent. Engineering is your internal customer and supplier, not the enemy." },
  { "Sorry about that. But this export bug really is urgent.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "evidence",
    feedback = "An apology, but the 'but' cancels it and 'urgent' is the word she's tired of. Acknowledge her point fully, then show why this case is different." },
  { "That's fair. Pinging engineers directly isn't okay, and I'll stop it today. Can I show you why this one has everyone panicking?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "evidence",
    feedback = "You accepted a valid complaint without defending your team, then asked permission to make your case. Conceding what's true makes the rest of what you say credible." },
}

node "bristled" {
  say = "Wow. Okay. Maybe we talk when you've got data instead of insults.",
  { "I'm just frustrated. My team gets shouted at all day.",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, go = "evidence",
    feedback = "Understandable, but it asks her to absorb your frustration. Apologise first, then bring the facts." },
  { "You're right, that was a cheap shot, and I'm sorry. I do have data. Can I show you?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "evidence",
    feedback = "A clean apology and a pivot to facts. Colleagues deserve the respect you would show a client, especially when you disagree." },
  { "Fine. I'll take it to Oren and he can decide.",
    quality = "harmful", empathy = -1, resolution = -2, mood = -2, go = "escalated",
    feedback = "Escalating to win an argument you started hands the decision to someone with less information. It also tells Hana you'd rather go round her than work with her." },
}

node "evidence" {
  say = "Go on, then. Why this one?",
  { "Eighty-three tickets since Monday. The CSV export drops negative amounts, so VAT returns come out wrong. Their filing deadline is Friday.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "her-side",
    feedback = "Numbers, cause, impact and deadline. Support hears the customer first; turning that into clear evidence is how it improves the product." },
  { "Customers are furious. Some are threatening to leave.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "her-side",
    feedback = "Emotion without facts sounds like every other 'urgent' request. Engineers prioritise on evidence, so bring it." },
  { "Here's the ticket list. Have a look.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "her-side",
    feedback = "The data is there, but you've made her do the analysis in a busy week. Summarise the impact for her." },
}

node "her-side" {
  say = "Okay. That's bad. But bank feeds are promised to Lindqvist & Co for Monday. Sales signed it. If we slip, we lose them. My team's already working evenings.",
  { "That's a sales problem, not mine.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "estimate",
    feedback = "'Not my department' ignores that Lindqvist is a customer too. Every team in the company serves the same customers." },
  { "So we both have a real customer deadline, and your team's stretched. What's the smallest fix for the export? Could one person do it?",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = "estimate",
    feedback = "You named her constraint as real and turned the fight into a shared problem. Looking for the smallest fix respects her team's time." },
  { "One client's launch matters more than hundreds of people filing the wrong VAT?",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "estimate",
    feedback = "Setting one set of customers against another makes her defend her priority instead of rethinking it. Both deadlines are real." },
}

node "estimate" {
  say = "Ji-woo wrote the exporter. A day to fix and test, maybe. That's a day off the launch.",
  { "Let's take it to Oren and let him decide.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "vp",
    feedback = "Escalating the moment it gets hard gives away a decision the two of you are best placed to make. Try trading first." },
  { "A day's nothing. Just squeeze it in.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "trade-off",
    feedback = "Calling her team's day 'nothing' when they're already working evenings dismisses their effort. Ask what you can give, not what they can absorb." },
  { "What if my team takes work off yours? We'll write the launch FAQ, handle the comms and test the export fix for you.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { support_helps = true }, go = "trade-off",
    feedback = "You offered something real in return, and testing saves Ji-woo half the day. Collaboration means giving as well as asking." },
}

node "vp" {
  say = "Fine. But Oren's going to ask why two leads couldn't sort this out themselves.",
  { "That's what he's paid for.",
    quality = "poor", empathy = -1, resolution = -2, mood = -1, go = "escalated",
    feedback = "Passing a solvable problem upward costs time the customers don't have. Escalate what you can't resolve, not what you'd rather not." },
  { "You're right. Five more minutes ourselves. What would you need from me to make room for the fix?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "trade-off",
    feedback = "Taking the problem back and asking what she needs reopens the negotiation. Two leads with the facts usually decide better than one VP without them." },
}

node "trade-off" {
  say = "If we do this, I need two things: it in writing, and my engineers left alone while they work.",
  { "Deal. From today, everything for your team goes through one queue, with severity agreed by both of us. No more direct pings.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { one_queue = true }, go = "customers",
    feedback = "You fixed the cause of her original complaint, not just this case. A shared process is how departments keep serving each other under pressure." },
  { "I can't control what forty agents do, but I'll try.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "customers",
    feedback = "It sounds honest, but it tells her nothing will change. Leaders can change the process even when they can't watch every person." },
  { "I'll tell my team to stop messaging yours.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "customers",
    feedback = "A fair commitment, but a message fades in a week. A single agreed queue would make it stick." },
}

node "customers" {
  say = "And what do you tell the eighty-three customers in the meantime?",
  { "That engineering deprioritised it, but we're pushing hard.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "close",
    feedback = "Blaming another team to customers breaks trust inside and outside. Customers see one company, so speak for all of it." },
  { "The truth: we've found it, a fix ships Thursday, and here's a workaround for negative lines. Ji-woo can check the workaround first.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "close",
    when = function(s) return s.vars.support_helps end,
    feedback = "Honest, dated and useful now, and checked with the engineer who knows. Keeping customers informed protects the relationship while the fix lands." },
  { "That we've found it and a fix is coming, with a workaround for the negative lines meanwhile.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "close",
    when = function(s) return not s.vars.support_helps end,
    feedback = "Honest and useful, but with a Friday deadline customers need a date. Agreeing one with engineering is part of resolving this." },
  { "Just that it's being looked at.",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, go = "close",
    feedback = "Vague updates make customers chase you, which adds to both teams' load. Say what you know and when they'll hear more." },
}

local function where_it_lands(s)
  if s.mood >= 2 then return "partners" elseif s.mood >= 0 then return "truce" else return "standoff" end
end

node "close" {
  say = "Okay. Thursday for the export, Monday for the launch. If either slips, I call you first, not your agents.",
  { "Fine. As long as it actually ships Thursday this time.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = where_it_lands,
    feedback = "A parting jab undoes the goodwill you just built. End on the agreement, not the grievance." },
  { "Sounds good. Let's catch up on Friday.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = where_it_lands,
    feedback = "A clear follow-up, but no thanks. Her team is giving up a day for your customers; say so." },
  { "Deal: I'll call you first too. I'll send the one-queue note to both teams tonight, and tell Oren your team made room for this.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = where_it_lands,
    when = function(s) return s.vars.one_queue end,
    feedback = "You matched her commitment, put the agreement in writing and recognised her team to leadership. Recognition across departments builds the next favour." },
  { "Same here, I'll call you first. And thank you. I'll make sure Oren knows your team made room for this.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = where_it_lands,
    when = function(s) return not s.vars.one_queue end,
    feedback = "Reciprocity and recognition end it well. Without a written process, though, the direct pings may creep back." },
}

ending "partners" {
  say = "Thanks, {trainee}. That's the first priority meeting this quarter I didn't dread.",
  outcome = "resolved",
  debrief = "Both deadlines hold, and Support and Engineering leave as partners. You conceded a fair complaint, brought evidence, treated her customer as real, offered help in return, fixed the process and recognised her team. Departments that never meet a customer still serve one.",
}

ending "truce" {
  say = "Fine. Let's see how Thursday goes.",
  outcome = "agreed",
  debrief = "You got the fix scheduled, but it feels like a trade, not a partnership. Acknowledge the other team's pressures, give as well as ask, and put shared rules in writing, so the next conflict starts from trust.",
}

ending "standoff" {
  say = "We'll do the fix. Don't expect favours after this.",
  outcome = "strained",
  pass = false,
  debrief = "The bug may get fixed, but Support and Engineering now trust each other less, and customers will feel that in every future hand-off. Blame, pressure and 'not my department' win a battle and lose the relationship.",
}

ending "escalated" {
  narration = "The question goes to Oren, the VP, who splits the difference in a meeting neither of you attends.",
  say = "Well. I hope you like what he decides.",
  outcome = "escalated",
  pass = false,
  debrief = "A problem two leads could have solved went upward, and the customers wait for someone further from the facts. Escalate when you truly can't agree; first bring evidence, understand the other team's constraints and look for a trade.",
}
