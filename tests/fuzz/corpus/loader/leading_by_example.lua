-- Leading by Example: a storm, a queue spike and a team close to breaking.
-- Draws on: leadership by example (seed 003), crisis management and rebuilding
-- trust (seed 001), employees who feel supported serve customers better
-- (seeds 001, 003), recognition and feedback (seed 003), and management taking a
-- hands-on approach to problems (seed 002).

scenario {
  id = "leading-by-example",
  version = 1,
  title = "Leading by Example",
  audience = "internal",
  summary = "Storm night: the claims queue jumps from 15 to 140 and your team is fraying. Marcus, your senior adviser, wants to know what the plan is.",
  setting = "office",
  difficulty = 3,
  minutes = 7,
  pass_mark = 70,
  customer = {
    name = "Marcus Webb",
    role = "Senior claims adviser, Halden Mutual",
    department = "Home Claims",
    mood = -2,
    look = { skin = "dark", hair = "bald", hair_colour = "black", glasses = false, beard = true },
  },
  start = "opening",
}

node "opening" {
  narration = "Storm night at Halden Mutual. The claims queue jumps from 15 to 140 in an hour. {customer}, your senior adviser, pulls off his headset.",
  say = "{trainee}, this is mad. People are crying about flooded kitchens and we're quoting forty-minute waits. Half the team hasn't had a break. What's the plan?",
  time_limit = 20, on_timeout = "frozen",
  { "The plan is we all go faster. Heads down, everyone.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "triage",
    feedback = "'Go faster' is a wish, not a plan, and it ignores the people. A team under pressure takes its cue from what the leader does, not what they demand." },
  { "Fair question. I'm logging in to take calls myself, and I'll have a plan in two minutes. First: who's closest to breaking?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { on_phones = true }, go = "triage",
    feedback = "You answered his stress, joined the work and asked about people before numbers. Leaders set the tone for how staff and customers are treated." },
  { "I've got a call with the regional director in five. I'll sort it after.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "absent",
    feedback = "Stepping away at the worst moment tells the team they're on their own. In a crisis, visibility is leadership." },
}

node "frozen" {
  narration = "You stare at the wallboard, thinking. Marcus waits, then waves a hand in front of you.",
  say = "{trainee}? Hello? People are waiting. Are you with us or not?",
  { "Just give me a minute to think, Marcus.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = "triage",
    feedback = "Thinking is fine, but silence in a crisis reads as absence. Say what you're doing while you work it out." },
  { "Sorry, I'm here. I'm logging in to take calls with you. Who needs help most right now?",
    quality = "best", empathy = 1, resolution = 1, mood = 1, set = { on_phones = true }, go = "triage",
    feedback = "A quick recovery: present, hands-on, asking about people. The team needs to see you in it with them." },
}

node "absent" {
  narration = "You head for the meeting room. Ten minutes later Marcus knocks on the glass.",
  say = "Priya's in tears in the kitchen and Ben's snapping at callers. Are you coming out or not?",
  { "Yes. I'll move the call. I should have been out there; sorry. Who needs me first?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { on_phones = true }, go = "triage",
    feedback = "Admitting the wrong call and coming back to the floor is leading by example too. Your director can wait; your team and customers can't." },
  { "Can you handle it, Marcus? This call really matters.",
    quality = "harmful", empathy = -2, resolution = -2, mood = -2, go = "abandoned",
    feedback = "Telling your team their crisis matters less than your meeting is how you lose them. Management has to be hands-on when problems hit." },
}

local function after_priority(s)
  if s.vars.on_phones then return "your-call" else return "ben" end
end

node "triage" {
  say = "Priya's been on a flood call for half an hour and she's shaking. And Ben's started snapping at callers.",
  { "I'll take Priya's next call and send her for ten minutes. Can you sit with Ben for a bit? I'll be on the phones right beside you.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, set = { on_phones = true }, go = "shortcut",
    feedback = "You cared for people and protected the queue at once, by doing some of the work yourself. Staff who feel supported keep caring for customers." },
  { "Everyone's tired, Marcus. No breaks till the queue's down.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "shortcut",
    feedback = "A shaking adviser on a flood call helps nobody. Burned-out staff make mistakes that create more calls." },
  { "Send Priya on a break. Ben needs to keep going; we can't lose two.",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "shortcut",
    feedback = "Right for Priya, but Ben is already taking it out on callers. Support him too, before a customer pays for it." },
}

node "shortcut" {
  say = "Lars's team are just taking names and promising callbacks 'within the hour'. Their queue's way shorter. Should we do the same?",
  { "Let me check with the ops manager first.",
    quality = "good", empathy = 0, resolution = 1, mood = -1, go = "priority",
    feedback = "Checking is sensible, but the team needs a call now, and you can see this promise can't be kept. Make the call and own it." },
  { "If it gets the numbers down, do it.",
    quality = "poor", empathy = 0, resolution = -2, mood = 1, set = { promised_callbacks = true }, go = "priority",
    feedback = "Popular tonight, painful in an hour. When the leader accepts an impossible promise, the team learns that looking good beats being honest." },
  { "No. We can't ring 140 people back within an hour, and they'll remember the broken promise. Honest waits, and callback slots we can keep.",
    quality = "best", empathy = 1, resolution = 2, mood = 0, go = "priority",
    feedback = "You chose honesty over a good-looking wallboard. In a crisis, trust is what you're protecting, and customers remember broken promises." },
}

node "priority" {
  say = "Then what do we do first? 'When's my assessor coming' calls are mixed in with water coming through ceilings right now.",
  { "Take them in order. It's the only fair way.",
    quality = "poor", empathy = 0, resolution = -1, mood = -1, go = after_priority,
    feedback = "Fair in theory, but a family with water pouring in can't wait behind a status check. Crisis service means triage." },
  { "Emergencies first: water coming in, no heat, anyone vulnerable. I'll brief the team now. Status calls get a callback slot we can keep.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, go = after_priority,
    feedback = "Clear priorities, communicated by you, with an honest promise for everyone else. A plan the team can follow lowers everyone's stress." },
  { "Ask each caller at the start whether it's an emergency.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = after_priority,
    feedback = "It helps, but it leaves every adviser to judge alone. Define what counts as an emergency so the whole team triages the same way." },
}

node "your-call" {
  narration = "You take the next call yourself: water pouring through a ceiling, two small children. The whole row can hear you. Marcus leans in.",
  say = "Everyone's listening to how you handle this one.",
  { "First, is everyone safe? Good. Turn the water off at the stopcock. I'm booking an emergency plumber now and staying on till it's confirmed.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = "ben",
    feedback = "Safety, a practical step, action, and you stayed with her. The team just heard what good looks like tonight, which no briefing could teach as well." },
  { "Can I take your policy number first? Then we'll sort out a plumber.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "ben",
    feedback = "You'll get there, but process before safety tells the row that the form comes first. Lead with the person." },
  { "I'm sorry, we're very busy tonight. I'll log it and someone will call you back.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "ben",
    feedback = "With the whole team listening, you just set the standard at 'log it and move on'. What the leader does, the team copies." },
}

local function after_ben(s)
  if s.vars.promised_callbacks then return "callbacks-due" else return "wind-down" end
end

node "ben" {
  say = "Ben just hung up on a caller mid-sentence. He's in the kitchen. I think he feels awful.",
  { "Right. He's getting a formal warning tonight.",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = after_ben,
    feedback = "Punishing someone mid-crisis, when you let the pressure build, tells the team mistakes will be used against them. Deal with it calmly, tomorrow." },
  { "Leave him. He'll sort himself out.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = after_ben,
    feedback = "Ignoring it leaves Ben alone and the caller unhelped. Leaders who look away teach their team to look away too." },
  { "I'll talk to him now, privately. First, is he okay; then we ring that caller back together. The hang-up we discuss properly tomorrow.",
    quality = "best", empathy = 2, resolution = 2, mood = 1, go = after_ben,
    feedback = "Care first, then repair with the customer, then accountability at the right time. Supported staff recover; blamed staff leave." },
}

node "callbacks-due" {
  narration = "An hour on. Of the sixty callbacks promised 'within the hour', your team has made eleven.",
  say = "People are ringing back angrier than before. 'You said within the hour.' What do we tell them?",
  { "Say there was a system fault with the callback list.",
    quality = "harmful", empathy = -1, resolution = -2, mood = -1, go = "wind-down",
    feedback = "Lying to customers to cover a leadership decision teaches the team that honesty is optional. It also gets found out." },
  { "That's on me, not the team. Text every one of them now with an honest time, and put the angriest through to me.",
    quality = "best", empathy = 1, resolution = 1, mood = 0, go = "wind-down",
    feedback = "You owned the broken promise in front of the team and took the hardest calls. That's the only way to rebuild trust after a mistake." },
  { "Tell them it's the storm. It's out of our hands.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "wind-down",
    feedback = "The storm didn't make the promise; we did. Excuses cost more trust than the delay itself." },
}

local function the_morning_after(s)
  if s.mood >= 1 then return "steady" elseif s.mood >= -1 then return "got-through" else return "burned-out" end
end

node "wind-down" {
  narration = "Midnight. The wallboard finally turns from red to amber.",
  say = "Queue's down to sixty. The team's shattered. What do we tell them?",
  { "Tell them 'good job', and pizza's on me.",
    quality = "good", empathy = 1, resolution = 0, mood = 0, go = the_morning_after,
    feedback = "Welcome, but generic. Thanks that name what people did means far more after a night like this." },
  { "I'll thank them myself, by name: Priya's flood call, you sitting with Ben. Tomorrow we review what broke and I take it to ops.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = the_morning_after,
    feedback = "Specific recognition, from you, tonight, plus a promise to learn from it. Recognising excellence and acting on feedback is how a team comes back next storm." },
  { "Nothing yet. We're not done. Keep going.",
    quality = "poor", empathy = -1, resolution = 0, mood = -1, go = the_morning_after,
    feedback = "Pushing on without a word of thanks tells people their effort is invisible. Tired teams need to hear it's noticed." },
}

ending "steady" {
  say = "Not the night I wanted. But I'd do it again with this team, {trainee}.",
  outcome = "resolved",
  debrief = "You led from the phones, not the meeting room. You looked after your people, refused an easy promise, set clear priorities, showed the standard on a live call and thanked the team by name. Leadership by example sets the tone for staff and customers alike.",
}

ending "got-through" {
  say = "We got through it. Don't ask me how.",
  outcome = "strained",
  debrief = "The queue came down, but the team feels they survived despite you, not because of you. In a crisis people copy what the leader does: be on the floor, protect honesty, support the people who are struggling and thank them specifically.",
}

ending "burned-out" {
  say = "I'm putting in for a transfer, {trainee}. Not tonight. But I am.",
  outcome = "lost",
  pass = false,
  debrief = "Your best adviser is leaving, and others may follow. Pressure without support, blame or broken promises drains a team fast, and customers feel it. Leaders set the tone: what you do under pressure is what your team will do.",
}

ending "abandoned" {
  narration = "Marcus goes over your head to the duty manager, who comes down to run the floor herself.",
  say = "I'll find someone who's actually here.",
  outcome = "escalated",
  pass = false,
  debrief = "Your team faced the worst night of the year without you. Being visible and hands-on in a crisis isn't optional for a leader: the team, and the customers on the line, take their cue from you.",
}
