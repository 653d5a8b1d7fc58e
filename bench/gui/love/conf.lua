function love.conf(t)
  t.window.title = "love-bench"
  t.window.width = 1280
  t.window.height = 720
  t.modules.audio = false
  t.modules.sound = false
  t.modules.joystick = false
  t.modules.physics = false
end
