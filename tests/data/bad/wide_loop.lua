-- 20 binary decisions (a million paths), then a loop with no way out: exploring it must still end
scenario { id = "wide", title = "Wide", audience = "external", customer = { name = "W" } }
node "n1" { { "a", quality = "best", set = { v1 = 1 }, go = "n2", feedback = "f" }, { "b", quality = "poor", set = { v1 = 2 }, go = "n2", feedback = "f" } }
node "n2" { { "a", quality = "best", set = { v2 = 1 }, go = "n3", feedback = "f" }, { "b", quality = "poor", set = { v2 = 2 }, go = "n3", feedback = "f" } }
node "n3" { { "a", quality = "best", set = { v3 = 1 }, go = "n4", feedback = "f" }, { "b", quality = "poor", set = { v3 = 2 }, go = "n4", feedback = "f" } }
node "n4" { { "a", quality = "best", set = { v4 = 1 }, go = "n5", feedback = "f" }, { "b", quality = "poor", set = { v4 = 2 }, go = "n5", feedback = "f" } }
node "n5" { { "a", quality = "best", set = { v5 = 1 }, go = "n6", feedback = "f" }, { "b", quality = "poor", set = { v5 = 2 }, go = "n6", feedback = "f" } }
node "n6" { { "a", quality = "best", set = { v6 = 1 }, go = "n7", feedback = "f" }, { "b", quality = "poor", set = { v6 = 2 }, go = "n7", feedback = "f" } }
node "n7" { { "a", quality = "best", set = { v7 = 1 }, go = "n8", feedback = "f" }, { "b", quality = "poor", set = { v7 = 2 }, go = "n8", feedback = "f" } }
node "n8" { { "a", quality = "best", set = { v8 = 1 }, go = "n9", feedback = "f" }, { "b", quality = "poor", set = { v8 = 2 }, go = "n9", feedback = "f" } }
node "n9" { { "a", quality = "best", set = { v9 = 1 }, go = "n10", feedback = "f" }, { "b", quality = "poor", set = { v9 = 2 }, go = "n10", feedback = "f" } }
node "n10" { { "a", quality = "best", set = { v10 = 1 }, go = "n11", feedback = "f" }, { "b", quality = "poor", set = { v10 = 2 }, go = "n11", feedback = "f" } }
node "n11" { { "a", quality = "best", set = { v11 = 1 }, go = "n12", feedback = "f" }, { "b", quality = "poor", set = { v11 = 2 }, go = "n12", feedback = "f" } }
node "n12" { { "a", quality = "best", set = { v12 = 1 }, go = "n13", feedback = "f" }, { "b", quality = "poor", set = { v12 = 2 }, go = "n13", feedback = "f" } }
node "n13" { { "a", quality = "best", set = { v13 = 1 }, go = "n14", feedback = "f" }, { "b", quality = "poor", set = { v13 = 2 }, go = "n14", feedback = "f" } }
node "n14" { { "a", quality = "best", set = { v14 = 1 }, go = "n15", feedback = "f" }, { "b", quality = "poor", set = { v14 = 2 }, go = "n15", feedback = "f" } }
node "n15" { { "a", quality = "best", set = { v15 = 1 }, go = "n16", feedback = "f" }, { "b", quality = "poor", set = { v15 = 2 }, go = "n16", feedback = "f" } }
node "n16" { { "a", quality = "best", set = { v16 = 1 }, go = "n17", feedback = "f" }, { "b", quality = "poor", set = { v16 = 2 }, go = "n17", feedback = "f" } }
node "n17" { { "a", quality = "best", set = { v17 = 1 }, go = "n18", feedback = "f" }, { "b", quality = "poor", set = { v17 = 2 }, go = "n18", feedback = "f" } }
node "n18" { { "a", quality = "best", set = { v18 = 1 }, go = "n19", feedback = "f" }, { "b", quality = "poor", set = { v18 = 2 }, go = "n19", feedback = "f" } }
node "n19" { { "a", quality = "best", set = { v19 = 1 }, go = "n20", feedback = "f" }, { "b", quality = "poor", set = { v19 = 2 }, go = "n20", feedback = "f" } }
node "n20" { { "a", quality = "best", set = { v20 = 1 }, go = "loop", feedback = "f" }, { "b", quality = "poor", set = { v20 = 2 }, go = "loop", feedback = "f" } }
node "loop" { { "again", quality = "good", mood = 1, go = "loop", feedback = "f" }, { "more", quality = "poor", mood = -1, go = "loop", feedback = "f" }, { "end", go = "done", feedback = "f", when = function(s) return false end } }
ending "done" { }
