-- Recognising Great Service: thank a colleague so that it counts.
-- Draws on: recognising and rewarding excellence (seed 003), employees who feel
-- valued give better service (seeds 001, 003), word of mouth and loyalty
-- (seeds 000, 002, 004), and feedback channels from staff (seed 003).

scenario {
  id = "recognising-service",
  version = 1,
  title = "Recognising Great Service",
  audience = "internal",
  summary = "A guest's five-star review names Grace, who rescued a wedding party's lost booking. You're her shift lead: thank her so it means something.",
  setting = "counter",
  difficulty = 1,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "Grace Mwangi",
    role = "Front desk agent, Alder & Finch Hotel",
    department = "Front Desk",
    mood = 0,
    look = { skin = "brown", hair = "curly", hair_colour = "black", glasses = false, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "A guest review landed overnight: five stars, and it names {customer}. You catch her as she arrives for the early shift.",
  say = "Morning. Please tell me the printer's fixed. I've got twelve check-outs before eight.",
  { "Printer's fine. Oh, and great job the other night, by the way!",
    quality = "poor", empathy = 1, resolution = -1, mood = 0, go = "specific",
    feedback = "Praise tossed over your shoulder sounds like an afterthought. If it matters, give it its own moment." },
  { "It is. Before the rush, have you got two minutes? I read something about you this morning and I want to tell you properly.",
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = "specific",
    feedback = "Timely and deliberate: you made space for it before the rush. Recognition lands best close to the moment and with your full attention." },
  { "It's fixed. I'll catch up with you about something at your review in March.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "specific",
    feedback = "Recognition loses its power with every week it waits, and a mystery 'something' worries her. Timely thanks ties the praise to the behaviour while it's fresh." },
}

node "specific" {
  say = "About me? Uh oh. What did I do?",
  { "Nothing bad! You were amazing with that wedding party. Really great work.",
    quality = "good", empathy = 1, resolution = 0, mood = 1, go = "modest",
    feedback = "Warm, but vague: 'amazing' doesn't tell her what to repeat. Name the exact actions and their effect." },
  { "The Okoro review. Five stars. That'll help our scores this quarter.",
    quality = "poor", empathy = -1, resolution = 1, mood = -1, go = "modest",
    feedback = "Making it about the numbers turns her care for a guest into a metric. Thank the person for what she did, not for the score." },
  { "The Okoro wedding. You found them rooms at the Larch, booked their car and rang the bride next morning. She says you saved her weekend.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = "modest",
    feedback = "Specific actions plus the guest's own words. Specific recognition shows you noticed, and tells the whole team what excellent looks like." },
}

node "modest" {
  say = "Oh. Honestly, it was nothing. Anyone would've done it. And Dev on nights did half of it.",
  { "It wasn't nothing. The call next morning was your idea, and that's why she wrote. And tell me what Dev did; I want to thank him too.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { dev_credit = true }, go = "impact",
    feedback = "You held your ground on her contribution and widened the thanks to Dev. Recognition should reach everyone who earned it." },
  { "Don't be modest. Take the compliment!",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "impact",
    feedback = "Kind, but it brushes past Dev, whose work she just told you about. Fair recognition follows the facts." },
  { "Well, the review only names you, so take the win.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = "impact",
    feedback = "Ignoring Dev's part makes the praise feel unfair to her and leaves him invisible. The night team will notice." },
}

node "impact" {
  say = "Does one review really matter, though? It's one wedding.",
  { "Head office cares about the ratings, so yes.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "public",
    feedback = "It reduces her work to a number someone else wants. Connect her effort to real guests instead." },
  { "It does. Her sister booked her June wedding here yesterday because of it. Guests tell people how they were treated. You won us that.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "public",
    feedback = "You showed her the real chain: great service, a loyal guest, word of mouth, new business. People who see their impact keep delivering it." },
  { "Of course it matters. Every guest matters.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "public",
    feedback = "True, but generic. A concrete consequence of her work would make it real." },
}

node "public" {
  say = "Please don't make a big thing of it in front of everyone, though. I'd go bright red.",
  { "Too late, I'm reading it out at briefing. You deserve a round of applause!",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "learn",
    feedback = "Well meant, but ignoring her wishes turns a gift into an ordeal. Sincere recognition fits the person receiving it." },
  { "Okay, I'll keep it just between us, then.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "learn",
    feedback = "Respecting her wish is right, but the team misses a chance to learn what excellent service looks like. Ask what sharing she'd be comfortable with." },
  { "Fair. How about I read the guest's words at briefing without putting you on the spot, and put a note in your file? Your call.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "learn",
    feedback = "You respected her preference and still let the team celebrate a success. A note in her file makes the recognition count at review time." },
}

node "learn" {
  say = "Okay, that works. Actually, can I say something? The rooms were lost because the booking system drops notes on group bookings. It'll happen again.",
  { "Thank you, that's exactly what I need to know. Show me after check-outs? I'll take it to reservations and say you spotted it.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "close",
    feedback = "Staff closest to guests see problems first. Welcoming her feedback, acting on it and crediting her encourages everyone to speak up." },
  { "Let's not spoil a nice moment with problems.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "close",
    feedback = "Waving away her warning means the next wedding party gets lost too. Feedback from staff is part of great service, not a spoiler." },
  { "Pop an IT ticket in when you get a minute.",
    quality = "poor", empathy = 0, resolution = 1, mood = 0, go = "close",
    feedback = "It records the issue but leaves her to chase it, and treats her insight as admin. The person who spotted the problem should see you act on it." },
}

local function how_it_lands(s)
  if s.mood >= 2 then return "valued" elseif s.mood >= 0 then return "appreciated" else return "hollow" end
end

node "close" {
  say = "Thanks, {trainee}. Really. Right, twelve check-outs.",
  { "Great. Oh, and any chance you could cover Sunday's late shift?",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = how_it_lands,
    feedback = "Ending praise with a favour makes it look like softening her up. Recognition must be sincere, with no strings attached." },
  { "Go get them. I'll catch Dev before he leaves and tell him what you told me.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = how_it_lands,
    when = function(s) return s.vars.dev_credit end,
    feedback = "You closed by keeping your promise to credit Dev. Following through is what makes recognition believable." },
  { "Go get them. I'll forward you the guest's email so you can keep it.",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = how_it_lands,
    when = function(s) return not s.vars.dev_credit end,
    feedback = "A thoughtful touch she can keep. Dev, who did half the work, still hasn't been thanked." },
}

ending "valued" {
  say = "You know what? That's made my week. I'm going to frame that email.",
  outcome = "resolved",
  debrief = "Grace knows exactly what she did well, why it mattered and that it was noticed, and Dev will hear it too. Recognition that is specific, timely and sincere reinforces great service, and staff who feel valued pass that care on to guests.",
}

ending "appreciated" {
  say = "Cheers. It's nice to hear.",
  outcome = "agreed",
  debrief = "Grace felt thanked, but the moment could have done more. Name the exact actions and their impact, credit everyone involved, respect how the person likes to be recognised, and act on what they tell you.",
}

ending "hollow" {
  say = "Sure. Whatever you need.",
  outcome = "strained",
  pass = false,
  debrief = "The praise came out vague, late, about the numbers or with a favour attached, so it felt hollow. Recognition done badly can leave someone feeling used rather than valued. Make it specific, timely and sincere.",
}
