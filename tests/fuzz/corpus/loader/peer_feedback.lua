-- Feedback for a Colleague: a peer handled a repeat caller badly.
-- Draws on: encouraging feedback and listening (seeds 001, 003), treating peers
-- with the respect you'd give a client (seed 003), internal customers in other
-- departments (seeds 002, 003), and poor service spreading by word of mouth (seed 004).

scenario {
  id = "peer-feedback",
  version = 1,
  title = "Feedback for a Colleague",
  audience = "internal",
  summary = "Luca, a capable colleague, left an elderly repeat caller feeling stupid. You've heard the recording and asked him for a chat.",
  setting = "meeting",
  difficulty = 2,
  minutes = 6,
  pass_mark = 70,
  customer = {
    name = "Luca Bianchi",
    role = "Customer support agent, three years, Fernhill Broadband",
    department = "Customer Support",
    mood = 0,
    look = { skin = "light", hair = "short", hair_colour = "brown", glasses = false, beard = true },
  },
  start = "opening",
}

node "opening" {
  narration = "Mr Adeyemi's survey: 1 out of 5, 'made me feel stupid'. You've heard the recording. {customer} sits down in the small meeting room.",
  say = "Got your message. 'Quick chat about a call' never means anything good. Which one?",
  { "The one where you were rude to an old man. He's complained.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "walls-up",
    feedback = "A label ('rude') and a verdict before any conversation puts anyone on the defensive. Describe what happened, not what kind of person he is." },
  { "Oh, don't worry, it's nothing serious! Just a tiny thing.",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, set = { sugarcoated = true }, go = "his-side",
    feedback = "Playing it down feels kind, but it isn't honest, and it will make the real point land harder. Say plainly what the chat is about." },
  { "Mr Adeyemi's router call yesterday. You usually handle those well, so I'd like to go through it with you and understand what happened.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "his-side",
    feedback = "Specific, honest about the topic, and it starts from respect for his usual work. Good feedback opens a conversation rather than delivering a verdict." },
}

node "walls-up" {
  say = "Rude? Wow. Did you even listen to the whole call, or just read the survey?",
  { "Look, I'm only passing on what the customer said.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "his-side",
    feedback = "Hiding behind the customer avoids owning your words. You chose the label; take it back." },
  { "Fair challenge. 'Rude' was the wrong word, and it's not what I think of you. Can we listen to it together?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "his-side",
    feedback = "Withdrawing the label and offering to look at the facts together resets the conversation. Respect for a colleague is not optional when the news is bad." },
  { "I heard enough.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "shut-down",
    feedback = "Refusing to listen while asking him to listen ends the conversation. Feedback only works when it goes both ways." },
}

node "his-side" {
  say = "He rang three times about the same router. I'd explained it twice. There were twenty people in the queue. What was I supposed to do?",
  { "I get it. But let's look at what the customer heard.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "the-moment",
    feedback = "You acknowledged him and kept the focus. Asking what was going on for him first would have told you why it happened." },
  { "Everyone has busy queues, Luca.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "the-moment",
    feedback = "True but dismissive: it tells him his pressure doesn't count. People can't hear feedback until they feel heard." },
  { "Be patient. That's literally the job.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "the-moment",
    feedback = "A lecture about the job makes him defend himself instead of reflecting. Colleagues deserve the patience you're asking him to show customers." },
  { "Three calls about one router would wear anyone down. Talk me through it. What was going on for you at that point?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "the-moment",
    feedback = "You acknowledged the pressure and asked an open question. Listening first is what lets a colleague accept the hard part later." },
}

local function after_moment(s)
  if s.vars.sugarcoated then return "blindsided" else return "reaction" end
end

node "the-moment" {
  say = "Honestly? I was fed up. The tech team keeps closing his tickets without fixing anything, and I'm the one he shouts at.",
  { "That's real, and we'll come back to it. When you said 'As I've already explained twice', he went quiet. He wrote that he felt stupid.",
    quality = "best", empathy = 1, resolution = 2, mood = 0, go = after_moment,
    feedback = "You parked his grievance without dismissing it, then named one exact behaviour and its impact. Specific feedback is something he can act on." },
  { "Tech are a nightmare, honestly. Anyway, the survey.",
    quality = "poor", empathy = 0, resolution = -1, mood = 1, go = after_moment,
    feedback = "Agreeing that another team is 'a nightmare' feels like rapport, but it feeds a culture of blame. Acknowledge the problem without trashing colleagues." },
  { "The tech team isn't the point here.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = after_moment,
    feedback = "Brushing aside a real cause of the repeat calls tells him you're only interested in his mistake. Both things can be true." },
}

node "blindsided" {
  say = "Hang on. You said this was nothing serious. Now a customer felt stupid because of me?",
  { "Well, it's not serious-serious. It's just one survey.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "reaction",
    feedback = "Doubling down on the sugar-coating confuses him about how much it matters. Mixed messages make feedback easy to ignore." },
  { "You're right. I played it down because I was nervous about saying it. It does matter, and I should have said so straight away.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "reaction",
    feedback = "Owning your own hedge models the honesty you're asking of him. Leading by example applies between peers too." },
}

node "reaction" {
  say = "He said that? ...I didn't mean it like that. I was just trying to be clear.",
  { "Next time, try 'Let me explain it a different way.'",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "his-idea",
    feedback = "A useful phrase, but you supplied the answer. A fix he finds himself is one he'll actually use." },
  { "I believe you. What we mean and what people hear aren't always the same. What could you say when someone needs it a third time?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "his-idea",
    feedback = "You separated intent from impact and handed him the problem to solve. A coaching question builds skill; an instruction builds compliance." },
  { "Well, it came across as rude. You need to fix your tone.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "his-idea",
    feedback = "Just as he opens up, a judgement shuts him down. 'Fix your tone' gives him nothing specific to change." },
}

node "his-idea" {
  say = "Maybe... 'Let's go through it together, step by step.' And actually stay on while he restarts it, instead of rushing him off.",
  { "That's exactly it. Staying on while he does it is what would have stopped call four. Want to try it on the next repeat caller?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "tech-loop",
    feedback = "Recognising his idea and linking it to the result makes it his. A concrete next try turns feedback into practice." },
  { "Sure, but you can't spend twenty minutes on every call.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "tech-loop",
    feedback = "Undercutting his solution the moment he offers it teaches him not to bother. Staying on once can save three repeat calls." },
  { "Good. Write that down so you remember it.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "tech-loop",
    feedback = "Fine, but flat. Say why his idea is good, so he knows what to keep doing." },
}

node "tech-loop" {
  say = "And the tickets? If tech keep closing them, he'll ring again whatever I say.",
  { "That's above our pay grade. Leave it to the team leads.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "close",
    feedback = "Waiting for someone else to fix a cross-team problem is how the customer ends up calling a fifth time. Everyone owns the customer's experience." },
  { "Log a complaint against tech. That'll get their attention.",
    quality = "harmful", empathy = -1, resolution = -2, mood = 0, go = "close",
    feedback = "A complaint turns a fixable hand-off into a feud. The tech team are your internal customers and suppliers; go to them as partners." },
  { "Let's take the three ticket numbers to Nadia in tech together, not to blame them, to show what it costs the customer. Tomorrow at ten?",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { tech_meeting = true }, go = "close",
    feedback = "You took his grievance seriously and turned it into a joint fix with another department. Customer-centred culture means every team sees the customer's side." },
}

local function how_it_lands(s)
  if s.mood >= 2 then return "grown" elseif s.mood >= 0 then return "accepted" else return "defensive" end
end

node "close" {
  say = "So... is this going on my record?",
  { "That depends on the next survey.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = how_it_lands,
    feedback = "A veiled threat turns coaching into surveillance. People hide mistakes from colleagues they fear." },
  { "No. This is colleague to colleague, and thanks for being so open. See you at ten with Nadia, and tell me how your next repeat caller goes.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = how_it_lands,
    when = function(s) return s.vars.tech_meeting end,
    feedback = "Clear about what this is, grateful for his openness, and two concrete follow-ups. That's how feedback becomes a habit, not an event." },
  { "No. This is colleague to colleague, and thanks for being so open. Tell me how your next repeat caller goes.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = how_it_lands,
    when = function(s) return not s.vars.tech_meeting end,
    feedback = "Reassuring and appreciative, with a follow-up. The tickets tech keeps closing are still unsolved, though, so the calls will keep coming." },
  { "Not if it doesn't happen again.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = how_it_lands,
    feedback = "A conditional 'no' sounds like a warning. End on trust and a next step, not a threat." },
}

ending "grown" {
  say = "Thanks, {trainee}. Honestly, I'd rather hear it from you than from a survey.",
  outcome = "resolved",
  debrief = "Luca owns the fix because he found it himself. You were specific about behaviour and impact, listened to his side, took his grievance with tech seriously without blaming anyone, and kept it colleague to colleague. Feedback like this builds a team that asks for it.",
}

ending "accepted" {
  say = "Okay. Point taken.",
  outcome = "agreed",
  debrief = "Luca heard the message, but he'll change because he was told to, not because he sees it. Name the behaviour and its impact, listen before you advise, and let him find the fix.",
}

ending "defensive" {
  say = "Fine. I'll be nicer to the customers. Anything else?",
  outcome = "strained",
  pass = false,
  debrief = "Luca leaves defensive and the repeat caller's problem is no closer to being solved. Labels, lectures and threats make colleagues guard themselves instead of reflecting. Respectful, specific feedback is internal customer service too.",
}

ending "shut-down" {
  narration = "Luca stands up and pushes his chair in.",
  say = "Then we're done here. Next time, take it to Joanne.",
  outcome = "lost",
  pass = false,
  debrief = "The conversation ended before it started, and Luca now sees you as an opponent. Feedback that opens with a label and refuses to listen is heard as an attack. Start with facts and curiosity.",
}
