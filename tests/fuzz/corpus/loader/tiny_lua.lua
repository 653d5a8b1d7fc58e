local words = {}
for w in ("alpha beta gamma"):gmatch("%a+") do words[#words + 1] = w:upper() end
local t = setmetatable({}, { __index = function(_, k) return k * 2 end })
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
local _, x = coroutine.resume(co, 1)
local ok, err = pcall(error, { code = 1 })
local f = load("return 1 + ...")
local s = string.format("%5.2f %q %s", 3.14159, "q", table.concat(words, ","))
local n = utf8.len("grüße") + #s:rep(3, "-") + math.floor(t[3]) + select("#", 1, 2)
table.sort(words, function(a, b) return a > b end)
scenario { id = "lua-bits", title = "Lua " .. n, audience = "external", customer = { name = words[1] } }
node "a" { say = s, { "x" .. x, quality = "best", go = function(s) return s.trainee:find("z") and "b" or "e" end, feedback = "f" },
                    { "y", quality = "poor", go = "b", when = function(s) return coroutine.wrap(function() return true end)() end, feedback = "g" } }
node "b" { go = "e" }
ending "e" { }
