-- The Warehouse Hand-off: your sales paperwork is the warehouse's input.
-- Draws on: internal customers in other departments (seeds 002, 003), feedback
-- from the people downstream (seeds 001, 003), recognition (seed 003), and a
-- customer-centric culture that reaches departments that never see a customer (seed 004).

scenario {
  id = "warehouse-handoff",
  version = 1,
  title = "The Warehouse Hand-off",
  audience = "internal",
  summary = "Your sales order sent a delivery of forty desks to a school's old campus. Rosa, the dispatch supervisor, has come to find you.",
  setting = "warehouse",
  difficulty = 2,
  minutes = 6,
  pass_mark = 70,
  customer = {
    name = "Rosa Delgado",
    role = "Dispatch supervisor, Brightwell Office Supply",
    department = "Warehouse",
    mood = -2,
    look = { skin = "tan", hair = "curly", hair_colour = "black", glasses = false, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Loading dock, 10:40. {customer}, dispatch supervisor, walks over holding a crumpled delivery note. It has your name on it.",
  say = "Your Hillcrest order. The address was their old campus. My driver sat outside an empty building for an hour, and my team reloaded the lot at six this morning.",
  { "The address came straight from the CRM. I just copied what was there.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "now",
    feedback = "It may be true, but it tells Rosa the problem is somebody else's. Your paperwork is your product, and the warehouse is its customer." },
  { "That's on me, Rosa. I didn't check it against their latest order. I'm sorry your team paid for it. What do you need from me now?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "now",
    feedback = "Ownership, an apology for the real cost, and a question about what she needs. You treated the warehouse as a customer you had let down, because it is one." },
  { "Can't the driver just take it to the new address? It's the same city.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "brushed",
    feedback = "Minimising her team's lost morning tells her their work doesn't count. Internal customers remember that the next time you need a favour." },
}

node "brushed" {
  say = "Same city. Brilliant. I'll tell the lads who came in at six that it was no big deal, then.",
  { "I didn't mean it like that. It's just been one of those weeks.",
    quality = "poor", empathy = -1, resolution = 0, mood = 0, go = "now",
    feedback = "Explaining your week asks for sympathy she has no reason to give yet. Apologise for the impact first." },
  { "Rosa, I'm slammed today. Can we do this later?",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "walked-off",
    feedback = "Putting your busy day ahead of the team you just cost a morning is the quickest way to lose an internal customer's trust." },
  { "Sorry, that was thoughtless. It was a big deal and it was my mistake. Tell me what you need and I'll do it now.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "now",
    feedback = "A quick, plain apology stops a bad moment turning into a grudge. Then you moved straight to what she needs." },
}

node "now" {
  say = "What I need is a corrected order with the right dock and a contact name. Truck leaves at two. Miss that and it sits here till Monday.",
  { "I'll get a corrected order to you by one.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "pattern",
    feedback = "Clear and committed. Checking the details with the school before you send it would make sure it's right this time." },
  { "Can you just change the address in your system? It'd be quicker.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "pattern",
    feedback = "Quicker for you, maybe, but it hands your error to her team to fix. Good internal service makes your colleague's job easier, not yours." },
  { "Give me fifteen minutes. I'll ring Hillcrest to confirm the dock and a name for three o'clock, and bring you the order myself.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { confirmed = true }, go = "pattern",
    feedback = "You fixed the root of the error, not just the form, and delivered it in person. Checking with the external customer protects the internal one." },
}

node "pattern" {
  say = "This is the third time this quarter. Sales sends half-finished orders and we find out at the dock with a driver waiting.",
  { "I'm sorry. I'll be more careful from now on.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "fix-forward",
    feedback = "Sincere, but 'more careful' isn't a plan. Ask what exactly goes wrong so you can fix it." },
  { "Three times is a pattern, not bad luck. Which details keep coming through wrong? I want to know exactly what hurts your team.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { listened = true }, go = "fix-forward",
    feedback = "You asked your internal customer for feedback and meant it. The people downstream of your work know best where it breaks." },
  { "To be fair, the whole sales team is under pressure to close by month end.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "fix-forward",
    feedback = "An excuse for your team sounds like 'our targets matter more than your mornings'. Pressure explains a mistake; it doesn't excuse repeating it." },
  { "That's not me, though. I've only sent you the one.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "fix-forward",
    feedback = "Distancing yourself from your department tells her nobody in sales owns the problem. To the warehouse, you are sales." },
}

node "fix-forward" {
  say = "Dock number, pallet count, a contact on site. That's all we ever ask for. So what stops there being a fourth time?",
  { "I'll remind everyone at Monday's sales meeting to double-check addresses.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "customer-call",
    feedback = "A reminder helps for a week. A change to how orders are built, designed with the people who receive them, lasts." },
  { "Dock, pallet count, site contact: mandatory on my orders from today. Can we build a checklist together for the whole sales team?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { checklist = true }, go = "customer-call",
    when = function(s) return s.vars.listened end,
    feedback = "You turned her feedback into a concrete change and invited her to shape it. That's how a customer-centric culture reaches departments that never meet a customer." },
  { "Tell me what your team needs on every order, and I'll make sure mine always have it.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "customer-call",
    when = function(s) return not s.vars.listened end,
    feedback = "Asking is right, a step later than ideal: she had to spell it out unprompted. Ask the people downstream before they have to tell you." },
  { "Honestly, the order form is the problem. Raise a ticket with sales ops.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "customer-call",
    feedback = "Sending her to another department with a problem you caused is 'not my department' in other words. Carry it there yourself." },
}

node "customer-call" {
  narration = "You bring the corrected order down to the dock. Rosa reads it line by line, then looks up.",
  say = "And the school? They were expecting forty desks this morning. What have they been told?",
  { "I'll tell them there was a delay in dispatch.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "thanks",
    feedback = "Blaming the warehouse to the client is untrue and poisons your relationship with the team you depend on. Customers see one company; don't split it in public." },
  { "I'll email them once it's on the truck.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "thanks",
    feedback = "They'll hear eventually, but a school waiting for forty desks wants to hear now. Silence feels like being forgotten." },
  { "I rang them: Dock B, Mr Patel, three o'clock. I apologised and said the mistake was ours in sales, not the warehouse's.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "thanks",
    when = function(s) return s.vars.confirmed end,
    feedback = "You kept the external customer informed and protected your colleagues' name. Owning the error in front of the client builds trust between departments." },
  { "Nothing yet. I'll ring them now, apologise, and make clear it was a sales mistake, not yours.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "thanks",
    when = function(s) return not s.vars.confirmed end,
    feedback = "The right call, a little late: the school has waited all morning without news. Keeping customers informed before they chase you is part of the fix." },
}

node "thanks" {
  say = "My lads came in at six for this. Nobody from sales ever says a word when we cover for you.",
  { "They should hear it from me. I'll come down for the two o'clock load to thank them, and tell my manager who saved this order.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "close",
    feedback = "Specific, personal and in front of the people who did the work. Recognition is how colleagues learn that their effort for the customer matters." },
  { "Well, the overtime's paid, isn't it?",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "close",
    feedback = "Reducing their effort to a pay slip tells them goodwill is wasted on sales. Next time nobody will come in early for your order." },
  { "Please pass on my thanks to them.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "close",
    feedback = "Well meant, but thanks passed on second-hand is easy to shrug off. Saying it yourself costs five minutes and means far more." },
}

local function verdict(s)
  if s.mood >= 1 then return "partners" elseif s.mood >= -1 then return "patched" else return "strained" end
end

node "close" {
  say = "Right. Order's corrected, truck goes at two. Anything else, or can I get this loaded?",
  { "That's it, I think. Sorry again, I've got a client call.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = verdict,
    feedback = "Rushing off ends on your priorities, not hers. A short recap and a next step would have sealed the repair." },
  { "I'll ring the school after delivery to check it all arrived. Thanks, Rosa.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = verdict,
    feedback = "A solid close that follows the order to the end customer. Agreeing a next step on the hand-off itself would stop a fourth time." },
  { "I'll bring a draft checklist on Thursday for you to pull apart, and ring the school after delivery to check it all arrived.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = verdict,
    when = function(s) return s.vars.checklist end,
    feedback = "A dated next step on the hand-off and a follow-up with the end customer. Closing the loop turns one fix into a better process." },
}

ending "partners" {
  say = "Thursday it is, {trainee}. I'll bring the lads' list. Fair warning, it's a long one.",
  outcome = "resolved",
  debrief = "Rosa leaves as a partner. You owned the error, fixed its root with the school, asked for her feedback and used it, and thanked the people who covered for you. The warehouse is sales' internal customer: when its job is easier, external customers get their desks on time.",
}

ending "patched" {
  say = "Fine. Truck goes at two.",
  outcome = "agreed",
  debrief = "The desks will arrive, but the relationship is only patched. Rosa got a fix, not a partner. Ask the team downstream what breaks, change how you work, and thank them in person: that is what stops the fourth time.",
}

ending "strained" {
  say = "I'll load it. But next time one of your orders is wrong, it waits in the queue like everyone else's.",
  outcome = "strained",
  pass = false,
  debrief = "The order ships, but you have lost the warehouse's goodwill, and your next customer will feel it. Defending yourself, blaming other teams or brushing off their effort tells internal customers their work doesn't matter.",
}

ending "walked-off" {
  narration = "Rosa walks away. An hour later your manager forwards you the email she sent to the head of sales.",
  say = "Fine. I'll take it up with your manager, then.",
  outcome = "escalated",
  pass = false,
  debrief = "A fixable mistake became a complaint between departments, and forty desks are still on the dock. When a colleague who depends on your work comes to you, stop, own it and fix it: they are your customer too.",
}
