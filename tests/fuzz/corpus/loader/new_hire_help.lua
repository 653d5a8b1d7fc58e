-- New Hire in the Rush: a two-week-old colleague needs you at the worst moment.
-- Draws on: training new and experienced employees (seeds 000, 003), internal
-- customer service and collaboration (seed 003), reducing turnover (seed 003),
-- and the link between supported staff and well-served customers (seeds 001, 003).

scenario {
  id = "new-hire-help",
  version = 1,
  title = "New Hire in the Rush",
  audience = "internal",
  summary = "The queue is at fifty-two after a storm, and Amara, two weeks into the job, needs help with an angry caller on hold.",
  setting = "office",
  difficulty = 1,
  minutes = 6,
  pass_mark = 70,
  customer = {
    name = "Amara Osei",
    role = "Customer adviser, two weeks in, Harbourline Energy",
    department = "Customer Support",
    mood = -1,
    look = { skin = "dark", hair = "long", hair_colour = "black", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "Storm Monday at Harbourline Energy. Queue: 52 waiting. You're typing up notes when {customer}, two weeks in, appears at your desk.",
  say = "Sorry, sorry. I've got a man on hold with no power since Friday. He wants a credit and I don't know if I'm allowed to give one. He's getting really angry.",
  time_limit = 20, on_timeout = "hovering",
  { "Check the knowledge base, it's all in there.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "kb-search",
    feedback = "It sounds efficient, but a new hire with an angry caller on hold can't search two hundred articles. Brushing her off moves the wait onto the customer." },
  { "Amara, the queue's at fifty-two. I can't hold your hand on every call.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "brushed",
    feedback = "Stress makes this sound reasonable, but it teaches her never to ask again. New hires who feel unsupported make more mistakes, and they leave." },
  { "You did the right thing asking. Pull up a chair and tell me what he's said so far.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "facts",
    feedback = "You made asking feel safe, then went straight to the facts. A colleague who depends on you is your customer in that moment." },
  { "Give me one minute to save these notes, then I'm all yours.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "facts",
    feedback = "Honest and kind: a clear minute is fine. Just make sure she knows she was right to come." },
}

node "hovering" {
  narration = "You keep typing. Amara hovers by your desk, shifting from foot to foot.",
  say = "...Sorry. Should I come back later?",
  { "Yeah, give me ten minutes.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "brushed",
    feedback = "Ten minutes is an age for a caller on hold in a power cut. Her problem is the customer's problem." },
  { "No, sorry, I was miles away. Sit down and tell me about the caller.",
    quality = "best", empathy = 1, resolution = 1, mood = 1, go = "facts",
    feedback = "A quick apology and your full attention repair the silence. Being present is the first thing a colleague needs from you." },
}

node "kb-search" {
  narration = "Amara goes back to her desk. Two minutes later she's back, flushed.",
  say = "I searched 'credit' and got two hundred articles. He's been on hold for six minutes now. I'm really sorry.",
  { "Then just tell him someone will call him back.",
    quality = "harmful", empathy = -1, resolution = -2, mood = -1, go = "left-alone",
    feedback = "A vague callback pushes the problem onto a customer with no power and a baby. A new hire learns from this that promises are a way to end calls." },
  { "Search 'outage credit' in quotes. It's the first result.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "nerves",
    feedback = "Useful and quick, and it unblocks her. But she still has to face an angry caller alone, and that's what she's really worried about." },
  { "My fault, that search is useless for new starters. Sit down and tell me what he's said so far.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "facts",
    feedback = "Owning the brush-off and giving her your attention now is the fastest way to help both her and the caller." },
}

node "brushed" {
  narration = "Amara walks back to her desk. You can see her staring at the screen, the caller still on hold.",
  say = "Okay. Sorry I bothered you.",
  { "Send her a chat message: 'outage credit, article 114'.",
    quality = "poor", empathy = 0, resolution = 1, mood = -1, go = "nerves",
    feedback = "The information helps, but the message underneath is 'don't come to my desk'. She now faces the caller alone and unsure." },
  { "Amara, wait. That was unfair of me. Come back and tell me about the call.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "facts",
    feedback = "Calling her back and admitting it was unfair turns a brush-off into trust. Leaders and peers model how colleagues treat each other." },
  { "Say nothing and get back to your notes.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -1, go = "left-alone",
    feedback = "Silence leaves a new hire and an angry customer to sink together. Your queue will be longer tomorrow if she quits." },
}

node "facts" {
  say = "Three days without power, and he's got a baby at home. He wants fifty pounds off his bill and he wants it now.",
  { "Give me your headset, I'll take it.",
    quality = "good", empathy = 0, resolution = 1, mood = -1, set = { took_over = true }, go = "after-takeover",
    feedback = "The caller gets help fast, but Amara learns only that she can't cope. Solve it with her, not for her, and the next call is hers." },
  { "Over 48 hours off means he's owed the automatic outage credit, forty-five pounds. You can apply it yourself. I'll show you where.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = "nerves",
    feedback = "You gave her the rule, the authority and the how. Training a colleague in the moment is faster than taking her calls for ever." },
  { "He can't have fifty. Tell him it's forty-five, take it or leave it.",
    quality = "poor", empathy = -1, resolution = 1, mood = -1, go = "nerves",
    feedback = "Right amount, wrong message: it gives her a line to recite, not a way to help a worried parent. How she says it matters as much as what." },
}

node "after-takeover" {
  narration = "You take the call and apply the credit in ninety seconds. Amara watched, but you're not sure she followed.",
  say = "Thanks. I... wouldn't have known where that was. I feel a bit useless.",
  { "Don't worry, just grab me whenever you're stuck.",
    quality = "poor", empathy = 1, resolution = -1, mood = 0, go = "queue-guilt",
    feedback = "Kind, but it keeps her dependent on you. Teaching the skill is what actually cuts the interruptions." },
  { "You're two weeks in; nobody knows this yet. Let me show you the three clicks, so next time it's yours.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = "queue-guilt",
    feedback = "You normalised not knowing and handed the skill back to her. Good training turns your shortcut into her competence." },
}

node "nerves" {
  say = "Okay. But what if he shouts again? He called me useless.",
  { "If shouting gets to you, this might not be the job for you.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "rehearse",
    feedback = "Toughness talk in week two feels like a verdict. Frightened advisers rush callers; supported ones slow down and listen." },
  { "Just read the outage script word for word and you'll be fine.",
    quality = "poor", empathy = -1, resolution = 1, mood = 0, go = "rehearse",
    feedback = "The script helps with the words but ignores her fear. A parent in the dark needs a human, not a recital." },
  { "He's angry at the storm, not at you. Start with the baby and the three days, then the credit. Want to try it on me first?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "rehearse",
    feedback = "You separated the anger from the person and gave her a structure: empathy first, then the fix. A thirty-second rehearsal builds real confidence." },
}

node "rehearse" {
  say = "Okay. 'I'm so sorry you've had no power for three days with a little one at home. I've applied a forty-five pound credit.' Is that right?",
  { "That's really good. You named his situation before the fix. Just add when he'll see it: on his next bill. Go get him.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = "queue-guilt",
    feedback = "Specific praise tells her what to keep doing; one concrete addition makes the answer complete. That's feedback she can use on every call." },
  { "Perfect, go.",
    quality = "good", empathy = 1, resolution = 0, mood = 1, go = "queue-guilt",
    feedback = "Encouraging, but vague praise doesn't tell her what to repeat. Say what was good so she can do it again." },
  { "Sort of. Just say it quicker, we've got fifty waiting.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "queue-guilt",
    feedback = "Her words were good, and 'quicker' teaches her that the queue matters more than the caller. Rushed empathy sounds like none." },
}

node "queue-guilt" {
  narration = "Four minutes later Amara is back, pink-cheeked.",
  say = "He said thank you! He actually said thank you. But I've made you miss about ten calls. I'm slowing everyone down.",
  { "Yeah, it's been a nightmare morning.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "next-time",
    feedback = "Honest about your morning, but it confirms her fear that asking was a burden. She'll struggle alone next time instead." },
  { "Don't worry about it.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = "next-time",
    feedback = "Reassuring, but it misses the moment to celebrate her win. Recognising a first success makes it stick." },
  { "You didn't slow us down. Next time you'll do it alone, and that's faster for all of us. Asking was right, and you nailed it.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "next-time",
    feedback = "You reframed asking for help as an investment and recognised her success. Staff who feel valued pass that care on to customers." },
}

node "next-time" {
  say = "Is there a way I can find these things without interrupting you every time?",
  { "Search the knowledge base by exact phrase, in quotes. It works much better.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "tell-lead",
    feedback = "A useful tip. A little structured time would cover the next ten things she'll get stuck on, not just this one." },
  { "I'll send you the outage article now. Lunch today: fifteen minutes on what new starters get stuck on. Till then, ping me on chat.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { mentor = true }, go = "tell-lead",
    feedback = "You turned one interruption into a plan: a resource, a short training slot and a low-friction way to ask. Training is how good service spreads." },
  { "You'll pick it up. Everyone does eventually.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "tell-lead",
    feedback = "'Eventually' means more customers waiting while she learns by trial and error. Good service needs deliberate training, not luck." },
}

local function how_she_leaves(s)
  if s.mood >= 2 then return "confident" elseif s.mood >= -1 then return "coping" else return "discouraged" end
end

node "tell-lead" {
  say = "Should I tell Gemma I needed help? I don't want her thinking I can't cope.",
  { "Up to you. She does keep track of who needs hand-holding, though.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = how_she_leaves,
    feedback = "Planting fear of the team lead teaches her to hide problems. Hidden problems reach customers." },
  { "No need. Keep it between us.",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, go = how_she_leaves,
    feedback = "Kindly meant, but hiding gaps from the team lead stops training from fixing them. Asking for help early is a strength, not a secret." },
  { "Yes, and tell her you handled the credit yourself. I'll tell her too: asking early is exactly what she wants from new starters.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = how_she_leaves,
    when = function(s) return not s.vars.mentor end,
    feedback = "You made asking for help normal and promised to recognise her win to the lead. Recognition from a peer carries weight." },
  { "Yes, and tell her you handled the credit yourself. Let's mention our lunch sessions too; she may want them for every new starter.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = how_she_leaves,
    when = function(s) return s.vars.mentor end,
    feedback = "You recognised her win and turned your lunch plan into something the whole team could use. That's how a training culture starts." },
}

ending "confident" {
  say = "Thanks, {trainee}. Right. Next call. I've got this.",
  outcome = "resolved",
  debrief = "Amara handled her own caller, knows where to look and knows asking is welcome. Ten minutes of real help in a rush saved hours of future interruptions, and perhaps a new hire. How you treat a new colleague is how she'll learn to treat callers.",
}

ending "coping" {
  say = "Okay. Thanks. I'll try not to bother you too much.",
  outcome = "agreed",
  debrief = "The caller got his credit, but Amara isn't sure asking was welcome. New hires who hesitate to ask make customers wait. Make asking safe, teach rather than take over, and recognise the first wins.",
}

ending "discouraged" {
  say = "Right. I'll figure it out on my own.",
  outcome = "strained",
  pass = false,
  debrief = "Amara got through the call, but she has learned to keep her problems to herself. That is how mistakes reach customers and how new hires quit. Supporting colleagues under pressure is part of serving the customer.",
}

ending "left-alone" {
  narration = "Amara tells the caller someone will ring him back. Nobody does. At noon he calls again and asks to switch supplier.",
  say = "I told him someone would call him. Was that wrong?",
  outcome = "lost",
  pass = false,
  debrief = "A customer in a power cut was lost because a new hire had nobody to turn to. Two minutes of your time would have kept him. The rush is exactly when colleagues need you, and what they learn then they'll do for years.",
}
