-- The benchmark scene drawn by LÖVE 11.4, the usual way: love.draw every
-- frame, printf with a typewriter substring. Same markers as rapport.
local line = "I have been waiting three weeks for my refund, I have called twice already, and every time somebody promises me it is on its way. Can you tell me what is actually going on with my money?"
local choices = {
  "I'm sorry you've waited so long. Let me pull up your order now.",
  "Refunds take up to 30 days. That's our policy.",
  "Let me transfer you to billing.",
  "Please calm down.",
}
local font, start, frames, typed = nil, nil, 0, false

function love.load()
  font = love.graphics.newFont(os.getenv("BENCH_FONT") or "DejaVuSans.ttf", 22)
  love.graphics.setFont(font)
end

function love.draw()
  local t = start and (love.timer.getTime() - start) or 0
  local n = math.min(#line, math.floor(t * 55))
  love.graphics.clear(200/255, 210/255, 215/255)
  love.graphics.setColor(150/255, 120/255, 90/255)
  love.graphics.rectangle("fill", 0, 500, 1280, 220)
  love.graphics.setColor(230/255, 180/255, 150/255)
  love.graphics.polygon("fill", 200, 150, 120, 400, 280, 400)
  love.graphics.setColor(30/255, 40/255, 50/255)
  love.graphics.printf(line:sub(1, n), 420, 100, 800)
  if n >= #line then
    for i, c in ipairs(choices) do
      love.graphics.setColor(250/255, 250/255, 250/255)
      love.graphics.rectangle("fill", 420, 330 + (i - 1) * 62, 820, 52)
      love.graphics.setColor(30/255, 40/255, 50/255)
      love.graphics.print(c, 480, 343 + (i - 1) * 62)
    end
  end
  frames = frames + 1
  if frames == 1 then
    start = love.timer.getTime()
    io.write("first-frame\n") io.flush()
  end
  if n >= #line and not typed then
    typed = true
    io.write(string.format("typed %d frames\n", frames)) io.flush()
  end
end
