-- "Fine, I Suppose"
-- The quarterly satisfaction call to a customer who is neither happy nor
-- unhappy. The trainee practises opening a check-in respectfully, probing a
-- lukewarm answer, receiving criticism without defending, passing on praise,
-- committing to concrete action and asking for an honest score.
-- Ideas from the seeds: contact customers at least quarterly to gauge their
-- satisfaction (002); keep customers satisfied before, during and after the
-- sale (002); feedback drives improvement (001, 003); recognising and
-- rewarding excellent staff (003); customers leave over poor service (004).

scenario {
  id = "satisfaction-followup",
  version = 1,
  title = "\"Fine, I Suppose\"",
  audience = "external",
  summary = "Your quarterly check-in with a dental practice your company cleans. The manager says everything is fine. It isn't quite.",
  setting = "phone",
  difficulty = 1,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "Bernadette Walsh",
    role = "Practice manager, Elm Row Dental (client for two years)",
    mood = 0,
    look = { skin = "fair", hair = "short", hair_colour = "blonde", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Quarterly check-ins. Next on your list: Elm Row Dental, cleaned by Brightmoor five mornings a week.",
  say = "Elm Row Dental, Bernadette speaking. Oh, the cleaning company. Is this going to take long? I've got a waiting room full.",
  { "Hi, it's Brightmoor. This is our quarterly survey call; I need to go through a few questions with you.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "fine",
    feedback = "Announcing a survey makes the call about your form, not her experience. People give survey answers to surveys and real answers to people." },
  { "It's {trainee} from Brightmoor, just checking in. It won't take long.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "fine",
    feedback = "Friendly and brief, but 'won't take long' is vague to someone with a full waiting room." },
  { "It's {trainee} from Brightmoor, for your quarterly check-in. Five minutes at most, or I can ring back at a time that suits you?",
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = "fine",
    feedback = "A name, a purpose, a time limit and the offer to call back respect her day. Customers give better feedback when they don't feel ambushed." },
}

node "fine" {
  say = "Go on, then. Everything's... fine, I suppose.",
  { "Is there anything in particular you'd like to mention?",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "issue",
    feedback = "An open door, but a closed question invites a polite 'no'. Pick up on the hesitation she gave you." },
  { "'Fine, I suppose' sounds like there might be something. What would make it better than fine?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { probed = true }, go = "issue",
    feedback = "Reflecting her exact words shows you are listening, and asking what would make it better invites specifics, not complaints." },
  { "Great, glad to hear it! So would you say you're satisfied overall?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "surface",
    feedback = "Taking 'fine' at face value and fishing for a yes gives you a tidy form and no information. Lukewarm customers are the ones who drift away quietly." },
}

node "surface" {
  say = "Yes. Satisfied. Was there anything else?",
  { "No, that's all. Thanks for your time!",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "missed",
    feedback = "The call is complete on paper, and the problem she was hinting at is still there." },
  { "Just one more: if you could change one thing about our service, what would it be?",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "issue",
    feedback = "A good recovery. The 'one thing' question is specific enough to get a real answer from a busy person." },
}

node "issue" {
  say = "Well, since you ask. Twice this month your team was still hoovering the waiting room when our first patients came in at eight. It looks terrible.",
  { "Our contract hours are six to eight, so technically they were still within time.",
    quality = "poor", empathy = -2, resolution = -1, mood = -2, go = "more",
    feedback = "Winning the argument on the contract loses the customer. She is describing how it looks to her patients, not asking for a ruling." },
  { "I'm sorry about that. I'll speak to the team.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "more",
    feedback = "A decent apology, but you have not found out enough to fix it." },
  { "Thank you for telling me; that's exactly what I need to hear. Patients walking in on hoovering isn't the look you want. Which days?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "more",
    feedback = "Thanking her for criticism makes it safe to say more, and asking 'which days' turns a complaint into something you can fix." },
}

node "more" {
  say = "Tuesdays, both times. And while I'm at it, the staff-room bins get missed now and then. I've mentioned that before.",
  { "Tuesdays and the staff-room bins, noted, and you shouldn't have had to say it twice. Anything else, big or small? I'd rather hear it now.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { full_picture = true }, go = "praise",
    feedback = "Owning the repeat and inviting everything else gets you the full picture while she is willing to give it." },
  { "The bins are a small thing, but I'll mention it.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "actions",
    feedback = "To her it is not small: it is proof that last time's feedback went nowhere. Don't grade a customer's complaint." },
  { "Noted, I'll pass that on.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "actions",
    feedback = "Fine, but 'pass it on' is what she heard last time, too." },
}

node "praise" {
  say = "Actually, one good thing. Mira, who does Thursdays, is brilliant. Spotless, and she always says hello to the receptionists.",
  { "Great. So, back to the Tuesday problem...",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "actions",
    feedback = "Skipping past praise wastes it. Positive feedback is as useful as complaints: it shows what good looks like." },
  { "Oh, that's nice to hear.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "actions",
    feedback = "Warm, but the praise stops with you. Make sure it reaches the person who earned it." },
  { "That's lovely. I'll make sure Mira hears it from her manager; praise from clients means a lot to the team.",
    quality = "best", empathy = 1, resolution = 1, mood = 1, set = { praise_passed = true }, go = "actions",
    feedback = "Passing praise on to the person who earned it recognises good work and shows the customer her words matter." },
}

node "actions" {
  say = "So what will you actually do about it? Last time I mentioned the bins, nothing changed.",
  { "It won't happen again, I promise.",
    quality = "poor", empathy = 1, resolution = -1, mood = 0, go = "rating",
    feedback = "A promise with no plan behind it is what she got last time. Customers trust specifics, not assurances." },
  { "From next week Tuesday's crew starts at 5:30, so they're done by 7:30. Bins go on their checklist. I'll ring you in two weeks to check.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { committed = true }, go = "rating",
    feedback = "A concrete change, a date and a follow-up call close the feedback loop that was broken last time." },
  { "I'll pass it to operations and they'll decide what to do.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "rating",
    feedback = "Handing it on with no owner and no date is exactly how the bins were forgotten before." },
}

node "rating" {
  say = "Fine. Anything else?",
  { "Just for our records, would you say we're a 9 or a 10 this quarter?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "score",
    feedback = "A leading question gets a flattering number and teaches the company nothing. It also tells her you care about the score, not the service." },
  { "Could you give us a score from 1 to 10 for this quarter?",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "score",
    feedback = "A fair question, asked neutrally." },
  { "One last thing: how would you score us this quarter, 1 to 10? An honest number helps us more than a kind one.",
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = "score",
    feedback = "Explicitly inviting an honest score gets you a number you can trust and track from quarter to quarter." },
}

local function result(s)
  if s.mood >= 2 and s.vars.committed then return "valued" end
  if s.mood >= 0 then return "noted" end
  return "at_risk"
end

node "score" {
  say = "A six, honestly. It'd be an eight if the Tuesday thing gets fixed.",
  { "Oh. Only a six? The team have been working really hard on your site.",
    quality = "poor", empathy = -2, resolution = 0, mood = -2, go = result,
    feedback = "Arguing with a score punishes honesty; next quarter she will just say 'fine'. Thank her and use it." },
  { "A six is fair, and useful. I'll ring you on the 14th to check Tuesdays are fixed, and my direct number is in today's email.",
    when = function(s) return s.vars.committed end,
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = result,
    feedback = "Accepting the number gracefully and tying it to a dated follow-up shows the feedback will change something." },
  { "A six is fair, thank you. I'll email you today with what we're changing, and my direct number.",
    when = function(s) return not s.vars.committed end,
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = result,
    feedback = "Gracious, and it promises a concrete follow-up, though the plan itself is still vague." },
  { "Thanks, I've recorded that. Have a good day.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = result,
    feedback = "Polite, but she is left wondering whether anything will happen this time." },
}

ending "valued" {
  say = "Well. That's the most useful call I've had from a supplier in a while. Thanks, {trainee}.",
  outcome = "retained",
  debrief = "A lukewarm customer is a customer deciding. You made the call easy to take, heard 'fine, I suppose' for what it was, welcomed her criticism, and turned it into a specific change with a date. Quarterly contact only works when the feedback changes something.",
}

ending "noted" {
  say = "OK. We'll see next quarter.",
  outcome = "partial",
  debrief = "You collected the feedback, but Bernadette is not convinced it will lead anywhere, because last time it didn't. Feedback calls build loyalty only when the customer can see a specific change, an owner and a follow-up.",
}

ending "at_risk" {
  narration = "In March, Elm Row Dental puts its cleaning contract out to tender.",
  outcome = "lost",
  pass = false,
  debrief = "Bernadette gave you the problems, and the call made her feel that raising them was a nuisance. Customers rarely leave over one bad Tuesday; they leave when complaints are argued with or forgotten.",
}

ending "missed" {
  narration = "The form says 'satisfied'. In March, Elm Row Dental puts its cleaning contract out to tender anyway.",
  outcome = "lost",
  pass = false,
  debrief = "A satisfaction call that only collects 'fine' is worse than none: it hides the risk. 'Fine, I suppose' was an invitation. Ask what would make it better, listen, and act.",
}
