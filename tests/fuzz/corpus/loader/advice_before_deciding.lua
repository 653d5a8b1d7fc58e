-- Do I Need Unlimited?
-- A customer needs advice and information before choosing a phone plan.
-- The trainee practises finding out how he actually uses the service,
-- explaining in plain language, laying out honest options, answering worries
-- directly, and giving him time and the facts to decide with his family.
-- Ideas from the seeds: some customers need advice, information and updates
-- to make their decisions (000); research what customers need so products fit
-- (004); trust and loyalty come from feeling respected (003); satisfied
-- customers recommend the business to friends (000, 003); keep customers
-- satisfied before, during and after the sale (002).

scenario {
  id = "advice-before-deciding",
  version = 1,
  title = "Do I Need Unlimited?",
  audience = "external",
  summary = "Harold's daughter told him to get 'unlimited data'. He doesn't know what that means and doesn't want to pay for what he won't use.",
  setting = "counter",
  difficulty = 1,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "Harold Bianchi",
    role = "Walk-in customer, retired",
    mood = 0,
    look = { skin = "light", hair = "short", hair_colour = "grey", glasses = true, beard = true },
  },
  start = "opening",
}

node "opening" {
  narration = "Larkfield Mobile, mid-morning. An older man waits at the counter, holding a note in his daughter's handwriting.",
  say = "My daughter says I need 'unlimited data'. I don't really know what that means, and I don't want to pay for things I won't use.",
  { "Our unlimited 5G plan is 35 a month. It's our most popular.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "pitched",
    feedback = "He told you he wants to understand before he buys, and you answered with a price. Popular is not the same as right for him." },
  { "Unlimited data means you can use the internet on your phone as much as you like, without extra charges.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "usage",
    feedback = "A clear definition, which helps. But whether he needs it depends on how he uses his phone, and you have not asked yet." },
  { "That's a sensible way to look at it. Before we talk plans, can you tell me how you use your phone in a normal week?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { asked_usage = true }, go = "usage",
    feedback = "Affirming his instinct and asking about his real use puts his needs before your products. Good advice starts with a question." },
}

node "pitched" {
  say = "Popular with who? I asked whether I need it.",
  { "Most people find they do, these days.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -2 then return "walked_away" end return "usage" end,
    feedback = "'Most people' is not an answer to 'do I need it?'. He came for information, not reassurance." },
  { "Fair question. It depends on how you use your phone. Could you tell me about a normal week?",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "usage",
    feedback = "Admitting the question was fair and asking about his use gets the conversation back on his terms." },
}

node "usage" {
  say = "Well, mostly I make calls. I video call the grandchildren on Sundays, at home on the WiFi. And I read the news on the bus.",
  { "So VoIP over WiFi won't touch your allowance. You want SIM-only, 30-day rolling, about 5 gig.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "jargon",
    feedback = "Probably accurate, and no use to him. Jargon makes a customer feel foolish and stops him asking questions." },
  { "Video calls at home use your WiFi, not your plan. News on the bus uses a little. So you need a small amount of data, not unlimited.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { explained = true }, go = "options",
    feedback = "Plain words linked to his own habits. He now understands why, so he can judge any plan himself." },
  { "Then a smaller plan might suit you better.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "options",
    feedback = "Right conclusion, but without the why he has to take it on trust, and he can't explain it to his daughter." },
}

node "jargon" {
  say = "I'm sorry, I didn't follow a word of that.",
  { "No worries! Basically it's 5 gigs on a SIM-only rolling contract.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood <= -2 then return "walked_away" end return "options" end,
    feedback = "Saying the same jargon more briskly is not explaining. When a customer is lost, change the words, not the speed." },
  { "My fault. In plain terms: at home your WiFi does the work. On the bus you use a little data. So a small plan is plenty.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, set = { explained = true }, go = "options",
    feedback = "Taking the blame for the confusion and starting again in plain words keeps his confidence, and his trust." },
}

node "options" {
  say = "So what would you suggest?",
  { "Go for the 15 one. Trust me, it's the best.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "worry",
    feedback = "A recommendation with no reasons asks for blind trust. He wanted to understand his options, not be told." },
  { "The 10-a-month plan would cover you.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "worry",
    feedback = "Honest and economical, but one option is not a choice. Let him see the alternatives." },
  { "Three options. 10 a month gets 5 GB, enough for the news. 15 gets 20 GB, room to spare. 35 is unlimited, which I doubt you'd use.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { options_given = true }, go = "worry",
    feedback = "A short, fair comparison with your honest view lets him decide for himself. Information is the service here." },
}

node "worry" {
  say = "What happens if I go over? My neighbour once got a huge bill.",
  { "On these plans you can't be charged extra. If you use it all, the data just stops till next month, and we text you at 80%.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "contract",
    feedback = "A direct, specific answer to the real fear: no surprise bill. Customers decide faster when their worry is taken seriously." },
  { "Oh, you won't go over.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "contract",
    feedback = "Brushing off a worry does not remove it. He still does not know what would happen." },
  { "There's a spending cap I can switch on for you.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "contract",
    feedback = "A useful fix, but explain what it means so he knows he is protected." },
}

node "contract" {
  say = "And how long would I be tied in for?",
  { "24 months gives you the best value per month.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "hesitation",
    feedback = "True per month, but it steers a first-time buyer into the longest commitment before he knows the plan suits him." },
  { "Your choice: 30-day, so you can leave any month, or 12 months for 2 less a month. As you're trying it out, I'd start on 30-day.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "hesitation",
    feedback = "Both options, the trade-off, and advice that suits his situation rather than your commission." },
  { "It's 12 months as standard, but there's a 30-day option too.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "hesitation",
    feedback = "Accurate, but leaves him to work out which suits him." },
}

node "hesitation" {
  say = "I think I'd like to talk it over with my daughter before I decide. Is that silly?",
  { "Sure. Can I take your number and ring you tomorrow?",
    quality = "good", empathy = 0, resolution = 1, mood = 0,
    go = function(s) if s.mood <= -1 then return "walked_away" end return "return_visit" end,
    feedback = "Following up is fine, but without anything in writing he has to remember it all for the conversation at home." },
  { "The offer does end on Sunday, so I wouldn't leave it too long.",
    quality = "harmful", empathy = -1, resolution = -1, mood = -2,
    go = function(s) if s.mood <= -1 then return "walked_away" end return "return_visit" end,
    feedback = "Manufactured urgency pushes a customer who asked for time. Pressure at the moment of decision destroys the trust you built." },
  { "Not at all; it's a good idea. I'll write the options down with prices for you both. Take your time: they'll be the same next week.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { written = true },
    go = function(s) if s.mood <= -1 then return "walked_away" end return "return_visit" end,
    feedback = "Respecting his wish to consult, and giving him the facts in writing, means the decision he makes will be his own, and a confident one." },
}

local function decided(s)
  if s.mood >= 2 and s.vars.written then return "confident_choice" end
  if s.mood >= 0 then return "signed_unsure" end
  return "walked_away"
end

node "return_visit" {
  narration = "Two days later Harold is back with his daughter, Carla. She taps the counter: 'Why not unlimited? Everyone says get unlimited.'",
  say = "Carla thinks I should get unlimited, to be safe. What do you think?",
  { "Sure, unlimited is the safest option if you'd both prefer it.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = decided,
    feedback = "Dropping your advice the moment someone louder disagrees tells Harold it was never advice at all. Be consistent, and kind." },
  { "Let's look at the sheet together. Harold, you said a little data on the bus. Unlimited costs 240 a year more, and you can move up any month.",
    when = function(s) return s.vars.written end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = decided,
    feedback = "Speaking to Harold, not over him, and using the written facts answers Carla's worry without dismissing her." },
  { "Harold, you said you'd use a little data on the bus. Unlimited costs 240 a year more, and you can move up any month if that changes.",
    when = function(s) return not s.vars.written end,
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = decided,
    feedback = "Good advice, addressed to Harold. With the options in writing, Carla could have checked the numbers for herself." },
  { "Either would work. It's really up to you both.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = decided,
    feedback = "Neutral and polite, but they came back for your advice. Give it, with the reasons." },
}

ending "confident_choice" {
  say = "I'll take the smaller plan, please. I understand it now. I'll tell the lads at the bowls club to come and see you, {trainee}.",
  outcome = "resolved",
  debrief = "Harold needed information, not a pitch. You asked how he used his phone, explained in plain words, showed honest options, answered his worry and gave him time and the facts in writing. A customer who understands his choice stays longer and sends his friends.",
}

ending "signed_unsure" {
  say = "I'll take the... the middle one, I suppose. I hope it's the right one.",
  outcome = "partial",
  debrief = "Harold bought a plan but does not fully understand it, so the next bill or a friend's comment may unsettle him. Advice works when the customer could explain the choice to someone else. Check his understanding, give the options side by side, and leave him room to decide.",
}

ending "walked_away" {
  narration = "Harold thanks you politely and leaves. He buys a plan elsewhere, from someone who took time to explain it.",
  outcome = "lost",
  pass = false,
  debrief = "He came in ready to buy and needed only advice and honest information. A pitch, jargon or pressure made him feel sold to, so he went where he felt informed. Customers who need advice reward the business that gives it.",
}
