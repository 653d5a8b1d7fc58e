-- The Delivery That Never Came
-- An external customer lost a day off work waiting for a parcel. The trainee
-- practises acknowledging the cost to the customer, owning a partner's failure,
-- giving honest facts and a plan she can rely on, and not over-promising.
-- Ideas from the seeds: angry customers need trained, understanding responses
-- (000); loyalty and word of mouth (000, 003); an unhappy customer tells up to
-- fifteen people (004); complaints are feedback the business can use (001).

scenario {
  id = "late-delivery",
  version = 1,
  title = "The Delivery That Never Came",
  audience = "external",
  summary = "Priya took a day off to wait for her son's birthday present. Nobody came, and she is calling, angry.",
  setting = "phone",
  difficulty = 1,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "Priya Nair",
    role = "Online customer, Willowmere Home",
    mood = -2,
    look = { skin = "brown", hair = "long", hair_colour = "black", glasses = false, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Willowmere Home customer line. The caller sounds tense before you have finished your greeting.",
  say = "I took yesterday off work and sat in all day for a delivery. Nobody came. Today the tracking still says 'out for delivery'. What is going on?",
  { "Can I take your order number, please? I'll have a look.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "details",
    feedback = "Going straight to the facts is efficient, but skipping the acknowledgement leaves her feeling processed rather than heard." },
  { "I'm so sorry. You gave up a day off for us and nobody turned up. Let me find out exactly where it is.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "details",
    feedback = "Naming what it cost her and taking ownership shows you heard her; moving straight to action shows you will fix it." },
  { "Deliveries are handled by our courier partner, so I can only see what they update.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "courier_blame",
    feedback = "She bought from you, not from the courier. Pointing at a partner sounds like passing the buck, even when it is technically true." },
}

node "courier_blame" {
  say = "I didn't order from a courier. I ordered from Willowmere. Are you telling me nobody there can help me?",
  { "I can give you the courier's number. They'll be able to tell you more.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2,
    go = function(s) if s.mood <= -3 then return "lost" end return "details" end,
    feedback = "Sending an angry customer to a third party is the classic hand-off. To her the company has just shrugged." },
  { "You're right, it's our delivery and our job to sort out. Give me your order number and I'll chase it myself.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "details",
    feedback = "Agreeing she has a point and taking the problem back recovers the call. The customer never needs to know whose van it was." },
}

node "details" {
  say = "It's 40-5518. A bunk bed for my son. His birthday is on Saturday and I promised him it would be built by then.",
  { "It says a delivery was attempted at 2:10 pm. Were you definitely in at that time?",
    quality = "poor", empathy = -2, resolution = 0, mood = -2,
    go = function(s) if s.mood <= -3 then return "lost" end return "chat_fail" end,
    feedback = "Even asked politely, this suggests she is the one at fault. Check the facts without putting the customer on trial." },
  { "It's back at our Eastfield depot, marked 'no access'.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "chat_fail",
    feedback = "Accurate, but flat. She also needs to hear that the missed delivery was not her fault." },
  { "Found it. The driver marked it 'no access' at 2:10 and took it back to the depot. You were home, so that's our failure, not yours.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { told_truth = true }, go = "chat_fail",
    feedback = "Clear facts plus an honest admission clears her of blame. Customers forgive mistakes far sooner than excuses." },
}

node "chat_fail" {
  say = "And I tried your online chat at five yesterday. It said 'high volumes' and cut me off. Twice.",
  { "Phone is usually quicker than chat anyway.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "options",
    feedback = "Correcting how she chose to contact you dismisses a second failure. It also throws away feedback the business needs." },
  { "That's two let-downs in one day, and I'm sorry. I'm logging the chat problem too, so the team that runs it sees it.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "options",
    feedback = "Acknowledging the second failure and turning the complaint into feedback shows she was heard, and helps the next customer." },
  { "Sorry about that. The chat gets very busy in the evenings.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "options",
    feedback = "A polite apology, but the explanation sounds like an excuse and nothing changes because of what she told you." },
}

node "options" {
  say = "So what happens now? I can't take another day off, and Saturday is his birthday.",
  { "Leave it with me. I'll make sure it's with you first thing tomorrow morning, guaranteed.",
    quality = "poor", empathy = 1, resolution = -1, mood = 1, set = { overpromised = true }, go = "compensation",
    feedback = "It feels kind in the moment, but you have not checked the slots. A promise you cannot keep turns one let-down into two." },
  { "The next standard redelivery slot is in five to seven working days, I'm afraid.",
    quality = "poor", empathy = -1, resolution = -1, mood = -2, go = "compensation",
    feedback = "Reading out the standard process ignores the birthday she has just told you about. Look for what you can do, not what the system defaults to." },
  { "I can book a named-day delivery: Friday, 8 to 10 am, before work. The driver texts you 30 minutes ahead. Would that work?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { friday_slot = true }, go = "compensation",
    feedback = "A specific, checked slot that fits her life, offered as a question, gives her back control. That is what rebuilds trust." },
  { "I'll put you on the priority list and someone will call you with a slot.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "compensation",
    feedback = "Better than the standard wait, but 'someone will call' leaves her waiting again, which is exactly what went wrong yesterday." },
}

node "compensation" {
  say = "And what about the day's pay I lost sitting in?",
  { "I can refund your delivery charge.",
    quality = "good", empathy = 0, resolution = 1, mood = 0,
    go = function(s) if s.vars.overpromised then return "correction" end return "reassure" end,
    feedback = "A fair gesture, but it answers a different question. She asked about her lost day, and it goes unacknowledged." },
  { "I'm afraid we can't compensate for time off work.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.vars.overpromised then return "correction" end return "reassure" end,
    feedback = "Leading with what you cannot do, with nothing you can, sounds like policy before people." },
  { "You shouldn't be out of pocket for our mistake. I'm refunding the 25 delivery charge and adding a 20 credit to your account.",
    quality = "best", empathy = 1, resolution = 2, mood = 1,
    go = function(s) if s.vars.overpromised then return "correction" end return "reassure" end,
    feedback = "You cannot repay her day's wages, but a concrete gesture that is more than the bare refund shows the company takes its failure seriously." },
}

node "correction" {
  narration = "The booking screen finally loads. Tomorrow is full. The earliest slot is Friday, 8 to 10 am.",
  say = "So, tomorrow morning then. What time should I expect them?",
  { "Tomorrow morning, some time before lunch. I'll see if I can squeeze it in.",
    quality = "harmful", empathy = 0, resolution = -2, mood = 0, set = { broken_promise = true }, go = "false_hope",
    feedback = "Covering for an over-promise guarantees she finds out the hard way, after taking another morning off for nothing." },
  { "I have to correct myself, and I'm sorry: tomorrow is full. The earliest is Friday, 8 to 10, with a text 30 minutes ahead.",
    quality = "good", empathy = 1, resolution = 1, mood = -1, set = { friday_slot = true }, go = "reassure",
    feedback = "Owning the mistake now costs a little goodwill; hiding it would cost the customer. Next time, check before you promise." },
}

node "false_hope" {
  narration = "Next morning Priya waits in again. No van comes. The system never had a slot for her.",
  say = "I waited in AGAIN. That's it. I'm done with you.",
  go = "broken_promise",
}

node "reassure" {
  say = "Fine. But how do I know the same thing won't happen on Friday?",
  { "Honestly, I can't control what the drivers do.",
    quality = "harmful", empathy = -1, resolution = -2, mood = -2, go = "wrapup",
    feedback = "It may feel honest, but it tells her nobody is responsible. Customers want to know what you WILL do." },
  { "You'll get a tracking link by text, so you can follow it.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "wrapup",
    feedback = "Useful information, but it leaves all the watching to her." },
  { "I'm adding a note for the driver that you're home, and I'll check the tracking myself on Friday at 8. If anything slips, I'll call you.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { follow_up = true }, go = "wrapup",
    feedback = "Personal ownership of the next step is the strongest reassurance there is: a named person watching instead of a system." },
}

local function close(s)
  if s.mood >= 2 and s.vars.friday_slot then return "resolved" end
  if s.mood >= -2 then return "partial" end
  return "lost"
end

node "wrapup" {
  say = "OK. Is that everything, then?",
  { "Yes, that's everything. Anything else? Only we're really busy this morning.",
    quality = "poor", empathy = -2, resolution = 0, mood = -1, go = close,
    feedback = "Rushing the close undoes the work before it. The last thing she hears is that she is a queue number." },
  { "Let me read it back: Friday 8 to 10, a text 30 minutes before, 25 refunded. Anything else I can do, Priya?",
    when = function(s) return s.vars.friday_slot end,
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = close,
    feedback = "Summing up the agreement checks nothing was missed and leaves her with a clear picture of what happens next." },
  { "Let me read it back: you'll get a call today with a confirmed slot, and your refund is done. Anything else I can do, Priya?",
    when = function(s) return not s.vars.friday_slot end,
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = close,
    feedback = "A clear summary helps, though without a booked slot she still has nothing firm to plan around." },
  { "That's all booked in. Have a good day.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = close,
    feedback = "Polite and correct, but a missed chance to confirm the details and check she is happy." },
}

ending "resolved" {
  say = "Friday, 8 to 10. Thank you, {trainee}. I rang up ready to cancel, and I'm not going to.",
  outcome = "resolved",
  debrief = "Priya was angry about a lost day, not just a late parcel. You acknowledged what it cost her, told her the truth, booked a slot she could plan around and made a gesture for her loss. A customer rescued well often ends up more loyal than one who never had a problem, and tells people so.",
}

ending "partial" {
  say = "Right. Well, I'll believe it when I see it.",
  outcome = "partial",
  debrief = "The bed will probably arrive, but Priya leaves unconvinced. Fixing the parcel is only half the job; the other half is making her feel the company is on her side. Otherwise she tells friends about the day she lost, not the bed that came.",
}

ending "lost" {
  say = "Just cancel the order. I'll get the bed somewhere else, and I'll tell everyone at the school gate why.",
  outcome = "lost",
  pass = false,
  debrief = "A late parcel became a lost customer. Blaming the courier, doubting her, or reading out the standard process told her nobody was on her side. An unhappy customer tells up to fifteen people, and winning a new one costs far more than keeping this one would have.",
}

ending "broken_promise" {
  narration = "Priya cancels the order and writes a one-star review about waiting in twice.",
  outcome = "lost",
  pass = false,
  debrief = "The first failure was the courier's; the second was a promise made without checking and then covered up. An honest 'Friday, not tomorrow' would have disappointed her for a moment. A broken guarantee destroys trust and gives her a story to tell.",
}
