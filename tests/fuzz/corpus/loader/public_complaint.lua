-- The Post With 200 Comments
-- A customer has posted a public complaint in a large local group and is
-- close to calling for a boycott. The trainee practises taking a public
-- complaint seriously without being defensive, fixing the real problem,
-- feeding it back to the team, and never pressuring or paying for silence.
-- Ideas from the seeds: customers can boycott and influence others through
-- social media (004); an unhappy customer tells up to fifteen people (004);
-- word of mouth and online reviews (000, 001, 003); every interaction matters
-- in the age of social media (001); training and coaching staff (000, 003).

scenario {
  id = "public-complaint",
  version = 1,
  title = "The Post With 200 Comments",
  audience = "external",
  summary = "Tamsin has told 8,000 local parents that Pebble & Pine sold her a faulty car seat and laughed at her. She is one message away from calling a boycott.",
  setting = "chat",
  difficulty = 3,
  minutes = 7,
  pass_mark = 70,
  customer = {
    name = "Tamsin Clarke",
    role = "Customer, runs a local parents' group",
    mood = -2,
    look = { skin = "fair", hair = "bun", hair_colour = "red", glasses = false, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "A post in a parents' group, 8,000 members: 'Pebble & Pine sold me a faulty car seat, then laughed at me. Boycott them.' You message her.",
  say = "Oh, so NOW you want to talk. After 200 comments. What do you want?",
  { "Hi Tamsin. We'd ask you to remove the post while we look into this, as some of it isn't accurate.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "screenshot",
    feedback = "Opening with 'take it down' tells her the company cares about its image, not her. It also hands her a perfect screenshot." },
  { "Hi Tamsin, thanks for your feedback. Could you send me your order number so I can look into it?",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "story",
    feedback = "Moving to a private channel is right, but a template reply to a public, emotional complaint sounds like a brush-off." },
  { "I've read your post, and I'm sorry, for the seat and for how you were treated in our shop. I'd like to hear what happened and put it right.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "story",
    feedback = "Showing you actually read it, apologising for both problems and asking to listen disarms the 'they only care now' story." },
}

node "screenshot" {
  say = "Inaccurate? I've just screenshotted that and added it to the post. 'This is how they respond.' Fifty more comments in five minutes.",
  { "I'm only following our social media guidelines.",
    quality = "harmful", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -3 then return "backlash" end return "story" end,
    feedback = "Hiding behind guidelines confirms everything she has told the group: nobody at the company will take responsibility." },
  { "That was the wrong message to send, and I'm sorry. I'm not asking you to remove anything. Will you tell me what happened?",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "story",
    feedback = "A fast, plain admission is the only way back from a misstep that is now public. Then get back to her problem." },
}

node "story" {
  say = "The buckle wouldn't lock. I took it back on Saturday and the lad at the till said I must have forced it. His colleague laughed. I had my baby on my hip.",
  { "I'm sure our staff didn't mean to laugh at you. They're trained to be helpful.",
    quality = "poor", empathy = -2, resolution = -1, mood = -1, go = "fix",
    feedback = "Defending colleagues you did not see tells her she is wrong about her own experience. Listen first; investigate later." },
  { "That sounds humiliating, with your baby right there. A buckle that won't lock is a safety problem, full stop. Is the seat out of use now?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { safety_first = true }, go = "fix",
    feedback = "Naming the feeling and treating the safety risk as the real priority shows you understand why she is so angry." },
  { "I'm really sorry that happened. We'll replace the seat.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "fix",
    feedback = "Quick to fix, which matters, but jumping to the solution skips the part she most needs: being believed." },
}

node "fix" {
  say = "It's in the boot. I've borrowed my sister's seat for now. So what are you going to do?",
  { "If you bring it back to the shop with the receipt, the manager will exchange it.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "staff",
    feedback = "Sending her back to the place where she was humiliated makes the fix her job. Bring the remedy to her." },
  { "I can offer you a 100 voucher as a goodwill gesture if you take the post down.",
    quality = "harmful", empathy = -1, resolution = -1, mood = -2, set = { bribe = true }, go = "bribe",
    feedback = "A gesture with a condition is a payment for silence. It will be screenshotted, and it makes the original complaint look true." },
  { "A new seat delivered tomorrow, and our fitter will check it's installed right. We'll collect the faulty one for the maker to test.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { replaced = true }, go = "staff",
    feedback = "A complete, unconditional fix that comes to her and deals with the safety issue properly. Actions persuade a public audience better than words." },
}

node "bribe" {
  say = "Wow. So you're trying to buy my silence. Another screenshot, then.",
  { "You're right, and I withdraw that. No conditions: a new seat, delivered tomorrow, fitted properly. The post is yours.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, set = { replaced = true }, go = "staff",
    feedback = "Withdrawing the condition at once and fixing the problem unconditionally is the only honest recovery." },
  { "It was a goodwill gesture, not a condition.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -3 then return "backlash" end return "staff" end,
    feedback = "Arguing about what you meant, when she can read what you wrote, digs the hole deeper." },
}

node "staff" {
  say = "And the staff? Because the next mum who walks in there will get exactly the same treatment.",
  { "I'll make sure those two are disciplined, don't worry.",
    quality = "poor", empathy = 1, resolution = -1, mood = 0, go = "boycott",
    feedback = "Promising punishment you do not control sounds satisfying but is not yours to give, and it throws colleagues under the bus in writing." },
  { "Saturdays are really busy in store, so the team can get stretched.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "boycott",
    feedback = "An excuse for the staff is an excuse for the company. She hears that it will happen again." },
  { "You're right. Your account goes to the store manager today for team coaching. I can't share individual outcomes, but it won't be ignored.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { staff_raised = true }, go = "boycott",
    feedback = "Complaints are feedback: routing hers into staff training fixes the cause, and being honest about what you can share keeps your word good." },
}

node "boycott" {
  narration = "Her reply takes a while. The 'typing' dots come and go.",
  say = "Honestly? Half the group wants to boycott you anyway, and others are posting their own stories. Why shouldn't I tell them all to go ahead?",
  time_limit = 25, on_timeout = "typing",
  { "Please don't. A boycott would really hurt the local staff, and they're not to blame.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "public_reply",
    feedback = "Guilt-tripping a customer about the staff, after the staff were part of the problem, sounds like pleading, not listening." },
  { "That's your call, and I won't ask you to take anything down. I'd only ask you to judge us on how we fix this. If we do, maybe say that too.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { no_pressure = true }, go = "public_reply",
    feedback = "Respecting her right to speak, while asking to be judged on actions, is the only kind of persuasion that survives a screenshot." },
  { "Encouraging a boycott based on one side of the story could be defamatory.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -3, go = "backlash",
    feedback = "A legal threat against a customer with a big audience is the fastest way to turn a complaint into a campaign." },
}

node "typing" {
  say = "Nothing to say? Thought so.",
  { "Sorry, I had to check with my manager what I'm allowed to say.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -3 then return "backlash" end return "public_reply" end,
    feedback = "Checking is sensible, but saying so tells her you are managing a PR risk rather than talking to her." },
  { "Sorry, I was choosing my words. It's your call, and I won't ask you to take anything down. Judge us on how we fix it.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, set = { no_pressure = true }, go = "public_reply",
    feedback = "A late but honest answer. In a public dispute, long silences get filled with the worst interpretation." },
}

node "public_reply" {
  say = "Fine. Are you going to reply under my post, or just hope it all goes quiet?",
  { "I'll reply under your post with my direct contact details, so anyone else affected can reach me.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "close",
    feedback = "Useful, and it shows the company is present. It does not yet admit the mistake in public, where the complaint was made." },
  { "With your OK, I'll reply publicly: we got this wrong, your seat is being replaced, and anyone with the same buckle should contact me.",
    when = function(s) return s.vars.replaced end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { public_reply = true }, go = "close",
    feedback = "A public admission, a public fix and an invitation to others with the same fault. Asking her first respects that it is her post." },
  { "With your OK, I'll reply publicly that we got this wrong, and that anyone with the same buckle should contact me directly.",
    when = function(s) return not s.vars.replaced end,
    quality = "good", empathy = 1, resolution = 1, mood = 0, set = { public_reply = true }, go = "close",
    feedback = "A public admission helps, but the group will notice that her own seat still depends on her going back to the shop." },
  { "We don't usually comment on individual cases in public.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "close",
    feedback = "Silence in public, where 8,000 people are watching, reads as indifference. Say what you are doing, without private details." },
}

local function verdict(s)
  if s.mood >= 2 and s.vars.replaced then return "advocate" end
  if s.mood >= 0 then return "settled" end
  return "backlash"
end

node "close" {
  say = "OK. We'll see if it actually happens.",
  { "Once it's all sorted, would you consider updating your post?",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = verdict,
    feedback = "Asking before you have delivered makes it look as if the post was the point all along. Let results earn the update." },
  { "Thank you for telling us, Tamsin, even if it had to be this way. I'll message you tomorrow after delivery to check it's fitted and working.",
    when = function(s) return s.vars.replaced end,
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = verdict,
    feedback = "Thanking her for the complaint and promising a personal follow-up closes the loop. She now has a person, not a brand, to judge." },
  { "Thank you for telling us. I'll ring the shop now so they're expecting you and the exchange is quick.",
    when = function(s) return not s.vars.replaced end,
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = verdict,
    feedback = "A kind close that smooths the next step, but she still has to go back to the shop where it all went wrong." },
  { "Great. You'll get a confirmation email tonight.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = verdict,
    feedback = "Clear, but transactional. After a public complaint, the last message should sound like someone who cares how it ends." },
}

ending "advocate" {
  narration = "Two days later Tamsin edits her post: 'UPDATE: Pebble & Pine replaced the seat the next day and owned it. Credit where it's due.'",
  say = "Seat's in and it locks. Thanks, {trainee}. I've updated the post.",
  outcome = "won-back",
  debrief = "Word of mouth cuts both ways. You listened, treated safety as the priority, fixed it without conditions, fed the complaint into staff coaching and never asked her to be quiet. Her update now reaches the same 8,000 people as her complaint, and is worth more than any advert.",
}

ending "settled" {
  narration = "Tamsin's problem gets sorted. The post stays up, unedited, and the comments slowly stop.",
  outcome = "resolved",
  debrief = "The product problem is fixed, but the story online is still the old one. Somewhere the conversation sounded defensive, conditional or transactional, so she had no reason to tell the group anything new. Public complaints are won on how you behave, not only on what you replace.",
}

ending "backlash" {
  narration = "Tamsin posts your messages to the group. By evening other parents share them, and a local news site picks up the story.",
  outcome = "lost",
  pass = false,
  debrief = "One unhappy customer tells many people; this one could tell 8,000 in a minute. Asking for the post to go, offering money for silence or threatening her turned a fixable complaint into a boycott. Listen, fix unconditionally, and let your actions answer in public.",
}
