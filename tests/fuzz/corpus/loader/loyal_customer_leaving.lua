-- Eleven Years and a Cancellation
-- A long-standing customer rings to cancel. The trainee practises retention:
-- thanking loyalty, finding the real reason for leaving, owning past failures,
-- offering what genuinely fits, and giving the customer room to decide.
-- Ideas from the seeds: winning a new customer can cost five times more than
-- keeping one (001, 002); loyal customers are a dependable source of revenue
-- (000); customers leave mainly because of poor service, not price (004);
-- feedback from complaints improves the business (001, 003); dissatisfied
-- customers tell friends and family (002).

scenario {
  id = "loyal-customer-leaving",
  version = 1,
  title = "Eleven Years and a Cancellation",
  audience = "external",
  summary = "George has had Fennick Broadband for eleven years. A rival offers half his price, and he is ringing to cancel.",
  setting = "phone",
  difficulty = 2,
  minutes = 5,
  pass_mark = 70,
  customer = {
    name = "George Whitfield",
    role = "Home broadband customer since 2013",
    mood = -1,
    look = { skin = "light", hair = "bald", hair_colour = "grey", glasses = true, beard = false },
  },
  start = "opening",
}

node "opening" {
  narration = "The cancellations line. On your screen: George Whitfield, customer since 2013, never a late payment.",
  say = "Hello. I'd like to cancel my broadband, please. I've been with you eleven years, but I've found a better deal elsewhere.",
  { "Sure. Can I take the account number and the date you'd like it to end?",
    quality = "poor", empathy = 0, resolution = -1, mood = 0, go = "processing",
    feedback = "Polite and efficient, but it treats an eleven-year relationship as a form to fill in. You never learn why he is going." },
  { "Eleven years. Thank you for staying with us that long. I can help either way. May I ask what's made you decide?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "reason",
    feedback = "Thanking his loyalty and promising to help either way lowers his guard, so the real reason can come out." },
  { "Okay, I'll transfer you to our retentions team.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "transferred",
    feedback = "Another queue and another person to repeat the story to. Every hand-off costs goodwill you need for this call." },
}

node "processing" {
  say = "It's 7730-21. End of the month, please.",
  { "Done. You'll get a confirmation email later today.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "lost_quietly",
    feedback = "Fast, but a loyal customer walked out and the company never found out why, so it cannot fix it for the next one." },
  { "I'll set that up. Before I do, may I ask what's made you decide, after eleven years?",
    quality = "good", empathy = 1, resolution = 1, mood = 0, go = "reason",
    feedback = "A late but genuine question. Understanding why a customer is leaving is both the best retention tool and valuable feedback." },
}

node "transferred" {
  say = "Retentions? I've already waited twenty minutes. Can't you just do it?",
  { "It's the process, I'm afraid.",
    quality = "harmful", empathy = -1, resolution = -2, mood = -2,
    go = function(s) if s.mood <= -3 then return "lost_bitter" end return "reason" end,
    feedback = "Putting the process ahead of an eleven-year customer confirms exactly what he suspects: nobody there is listening." },
  { "You're right, you shouldn't have to repeat yourself. I'll handle it. May I ask what's made you decide?",
    quality = "good", empathy = 1, resolution = 1, mood = 1, go = "reason",
    feedback = "Taking the call back yourself repairs the misstep. Ownership beats routing." },
}

node "reason" {
  say = "Honestly? My bill's gone up every year. New customers get half price and I get a letter saying mine's going up again. It's like you only care about people who haven't joined.",
  { "Let me see what deals I can offer you.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "needs",
    feedback = "Moving to a solution is positive, but jumping straight to price means you may miss what else is behind his decision." },
  { "Prices rise with inflation every April. It's in the terms you agreed to.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "needs",
    feedback = "Correct, and beside the point. He is not disputing the terms; he is saying his loyalty has not been valued." },
  { "That's fair. You've been loyal and your price hasn't shown it; I see why it stings. Is it mainly price, or has anything else let you down?",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { dug_deeper = true }, go = "deeper",
    feedback = "Agreeing with the fair part and then asking what else reaches the real reason. Customers rarely leave over price alone." },
}

node "deeper" {
  say = "Well... there were the two outages last winter. I rang both times and was promised a call back. Nobody ever called.",
  { "Outages usually come from the wider network, so they're out of our hands.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "needs",
    feedback = "He is not complaining about the outage; he is complaining that nobody called. Explaining the network misses the point." },
  { "I'll pass that on to our support team as feedback.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "needs",
    feedback = "Logging it matters, but on its own it sounds like another promise that goes nowhere." },
  { "I'm sorry. Both tickets were closed with no call to you. That shouldn't have happened, it's on us, and I'm flagging it to the support lead.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, set = { owned_outages = true }, go = "needs",
    feedback = "Checking the record, owning the failure and passing it on shows the feedback is used. That is what repairs trust." },
}

node "needs" {
  say = "Before you offer me anything, I'm paying for your fastest line. It's just me and the wife now. Bit of telly online, video calls with the grandkids.",
  { "Our top package has more speed still, in case the grandkids come to stay.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1, go = "offer",
    feedback = "Upselling a customer who is leaving because he feels overcharged confirms his suspicion that you are after his money." },
  { "Then you're paying for far more speed than you use. 150 Mb would be plenty, and that changes what I can offer you.",
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { right_sized = true }, go = "offer",
    feedback = "Telling a customer he can pay less is the most convincing proof that you are on his side, and it keeps the account." },
  { "Okay. Let's see what's available.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "offer",
    feedback = "Fine, but he has just told you how he uses the line. Use it to give him the information he needs." },
}

node "offer" {
  say = "So what can you do? The other company's offering 25 a month. I'm paying 48.",
  { "If you leave, you'll lose your eleven-year email address, and switching is a real hassle. Are you sure?",
    quality = "harmful", empathy = -2, resolution = -1, mood = -2, go = "hesitation",
    feedback = "Scaring a customer into staying keeps him resentful until the day he goes, and he will tell people why." },
  { "Let me ask my manager if we can match 25.",
    quality = "good", empathy = 0, resolution = 1, mood = 0, go = "hesitation",
    feedback = "It may work, but it keeps him waiting and promises nothing. Know what you can offer before the call gets here." },
  { "On 150 Mb with our loyalty rate, it's 24 a month, fixed for two years, plus priority support if anything goes wrong.",
    when = function(s) return s.vars.right_sized end,
    quality = "best", empathy = 1, resolution = 2, mood = 1, set = { offered = true }, go = "hesitation",
    feedback = "Because you asked how he uses the line, you can offer a plan that fits and beats the rival, without discounting blindly." },
  { "I can move you to our loyalty rate on your current speed: 33 a month, fixed for two years.",
    when = function(s) return not s.vars.right_sized end,
    quality = "good", empathy = 0, resolution = 1, mood = 1, set = { offered = true }, go = "hesitation",
    feedback = "A real improvement, but he is still paying for speed he does not need, and he is still above the rival's price." },
}

node "hesitation" {
  say = "Hmm. The other lot throw in the first month free as well. Why should I stay?",
  { "It's a really good deal, honestly, and it's only available today.",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood >= 1 then return "accepts" end return "still_leaving" end,
    feedback = "False urgency is pressure, and customers can feel it. It undermines the trust you just built." },
  { "I could check whether we can waive next month as well.",
    quality = "good", empathy = 0, resolution = 1, mood = 0,
    go = function(s) if s.mood >= 1 then return "accepts" end return "still_leaving" end,
    feedback = "A reasonable gesture, but it turns the decision into a bidding war instead of a choice he understands." },
  { "Your call, and I won't push. Ours is fixed for two years, no setup and no new router. If theirs suits you better, I'll make leaving easy.",
    quality = "best", empathy = 1, resolution = 2, mood = 1,
    go = function(s) if s.mood >= 1 then return "accepts" end return "still_leaving" end,
    feedback = "Clear facts and a genuine option to leave let him decide freely. Customers stay longer when they chose to stay." },
}

node "accepts" {
  say = "Go on, then. Put me on the new plan.",
  { "Lovely, that's all done for you.",
    quality = "good", empathy = 0, resolution = 1, mood = 0,
    go = function(s) if s.mood >= 2 then return "retained" end return "stays_grudging" end,
    feedback = "Correct, but a missed chance to confirm the details and thank him for staying." },
  { "Great! While I've got you, can I tell you about our TV bundles?",
    quality = "poor", empathy = -1, resolution = -1, mood = -1,
    go = function(s) if s.mood >= 2 then return "retained" end return "stays_grudging" end,
    feedback = "Selling to a customer seconds after he agreed to stay makes the whole call look like a sales tactic." },
  { "Done. Confirmation by email today, and the new price starts on your next bill. Thank you for giving us another chance, George.",
    quality = "best", empathy = 1, resolution = 1, mood = 1,
    go = function(s) if s.mood >= 2 then return "retained" end return "stays_grudging" end,
    feedback = "Confirming exactly what happens next and thanking him ends the call on trust, not on a sale." },
}

node "still_leaving" {
  say = "No, I think I'll go. Just cancel it, please.",
  { "Are you sure? You'd be back on full price if you ever came back.",
    quality = "poor", empathy = -2, resolution = -1, mood = -2, go = "lost_bitter",
    feedback = "A parting threat guarantees he never returns and tells everyone how he was treated on the way out." },
  { "Of course. No exit fee, and your service runs to the 30th so there's no gap. If it ever doesn't work out, we'd be glad to have you back.",
    quality = "best", empathy = 2, resolution = 1, mood = 1, go = "door_open",
    feedback = "When a customer does go, a gracious, easy exit protects your reputation and leaves the door open. Word of mouth starts here too." },
}

ending "retained" {
  say = "Eleven years and counting, then. Thanks, {trainee}. You're the first person there who's actually listened.",
  outcome = "retained",
  debrief = "Keeping George cost a fairer price; replacing him would have cost far more. You thanked his loyalty, looked for the reasons behind the price complaint, gave him honest information about what fits his needs and let him choose. That is retention built on trust, not tricks.",
}

ending "stays_grudging" {
  say = "Fine. But if the price jumps again next year, I'm off.",
  outcome = "partial",
  debrief = "George stays for now, but for the price, not for the relationship. The next competitor offer will test him again. Listening for the reason behind the reason and giving him honest information would have turned a discount into loyalty.",
}

ending "door_open" {
  say = "Thanks. That's actually decent of you. Maybe I'll be back one day.",
  outcome = "lost",
  pass = false,
  debrief = "You lost the account but kept his goodwill, which matters: he will not badmouth you and may return. Still, keeping him would have been far cheaper than winning him back. Earlier in the call, ask why, own what went wrong and offer a plan that fits his needs.",
}

ending "lost_bitter" {
  say = "Typical. Eleven years and that's how you treat me. Just cancel it.",
  outcome = "lost",
  pass = false,
  debrief = "A loyal customer left feeling like a number, and he will say so to friends and family. Processes, pressure and parting shots cost far more than the discount that might have kept him.",
}

ending "lost_quietly" {
  narration = "George's account closes at the end of the month. Nobody ever learns why he left.",
  outcome = "lost",
  pass = false,
  debrief = "An efficient cancellation is still a failure when nobody asks why. George had fixable reasons: the price had crept up and call-backs were missed. Asking would have given you a chance to keep him and the company feedback to improve.",
}
