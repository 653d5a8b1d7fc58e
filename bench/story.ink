// bench/story.ink - the ink side of `make bench` (benchmark 4): 20 decisions
// of 3 choices each, every choice leading on, the same shape as
// bench/out/wide20.lua (written by bench/gen_scenario.py).
VAR empathy = 0
VAR resolution = 0
VAR mood = -1

-> d1

=== d1 ===
Decision 1. The customer waits for your answer.
+ [Answer 1 at decision 1.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d2
+ [Answer 2 at decision 1.]
    ~ empathy += 1
    -> d2
+ [Answer 3 at decision 1.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d2

=== d2 ===
Decision 2. The customer waits for your answer.
+ [Answer 1 at decision 2.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d3
+ [Answer 2 at decision 2.]
    ~ empathy += 1
    -> d3
+ [Answer 3 at decision 2.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d3

=== d3 ===
Decision 3. The customer waits for your answer.
+ [Answer 1 at decision 3.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d4
+ [Answer 2 at decision 3.]
    ~ empathy += 1
    -> d4
+ [Answer 3 at decision 3.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d4

=== d4 ===
Decision 4. The customer waits for your answer.
+ [Answer 1 at decision 4.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d5
+ [Answer 2 at decision 4.]
    ~ empathy += 1
    -> d5
+ [Answer 3 at decision 4.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d5

=== d5 ===
Decision 5. The customer waits for your answer.
+ [Answer 1 at decision 5.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d6
+ [Answer 2 at decision 5.]
    ~ empathy += 1
    -> d6
+ [Answer 3 at decision 5.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d6

=== d6 ===
Decision 6. The customer waits for your answer.
+ [Answer 1 at decision 6.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d7
+ [Answer 2 at decision 6.]
    ~ empathy += 1
    -> d7
+ [Answer 3 at decision 6.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d7

=== d7 ===
Decision 7. The customer waits for your answer.
+ [Answer 1 at decision 7.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d8
+ [Answer 2 at decision 7.]
    ~ empathy += 1
    -> d8
+ [Answer 3 at decision 7.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d8

=== d8 ===
Decision 8. The customer waits for your answer.
+ [Answer 1 at decision 8.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d9
+ [Answer 2 at decision 8.]
    ~ empathy += 1
    -> d9
+ [Answer 3 at decision 8.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d9

=== d9 ===
Decision 9. The customer waits for your answer.
+ [Answer 1 at decision 9.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d10
+ [Answer 2 at decision 9.]
    ~ empathy += 1
    -> d10
+ [Answer 3 at decision 9.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d10

=== d10 ===
Decision 10. The customer waits for your answer.
+ [Answer 1 at decision 10.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d11
+ [Answer 2 at decision 10.]
    ~ empathy += 1
    -> d11
+ [Answer 3 at decision 10.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d11

=== d11 ===
Decision 11. The customer waits for your answer.
+ [Answer 1 at decision 11.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d12
+ [Answer 2 at decision 11.]
    ~ empathy += 1
    -> d12
+ [Answer 3 at decision 11.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d12

=== d12 ===
Decision 12. The customer waits for your answer.
+ [Answer 1 at decision 12.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d13
+ [Answer 2 at decision 12.]
    ~ empathy += 1
    -> d13
+ [Answer 3 at decision 12.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d13

=== d13 ===
Decision 13. The customer waits for your answer.
+ [Answer 1 at decision 13.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d14
+ [Answer 2 at decision 13.]
    ~ empathy += 1
    -> d14
+ [Answer 3 at decision 13.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d14

=== d14 ===
Decision 14. The customer waits for your answer.
+ [Answer 1 at decision 14.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d15
+ [Answer 2 at decision 14.]
    ~ empathy += 1
    -> d15
+ [Answer 3 at decision 14.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d15

=== d15 ===
Decision 15. The customer waits for your answer.
+ [Answer 1 at decision 15.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d16
+ [Answer 2 at decision 15.]
    ~ empathy += 1
    -> d16
+ [Answer 3 at decision 15.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d16

=== d16 ===
Decision 16. The customer waits for your answer.
+ [Answer 1 at decision 16.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d17
+ [Answer 2 at decision 16.]
    ~ empathy += 1
    -> d17
+ [Answer 3 at decision 16.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d17

=== d17 ===
Decision 17. The customer waits for your answer.
+ [Answer 1 at decision 17.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d18
+ [Answer 2 at decision 17.]
    ~ empathy += 1
    -> d18
+ [Answer 3 at decision 17.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d18

=== d18 ===
Decision 18. The customer waits for your answer.
+ [Answer 1 at decision 18.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d19
+ [Answer 2 at decision 18.]
    ~ empathy += 1
    -> d19
+ [Answer 3 at decision 18.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d19

=== d19 ===
Decision 19. The customer waits for your answer.
+ [Answer 1 at decision 19.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> d20
+ [Answer 2 at decision 19.]
    ~ empathy += 1
    -> d20
+ [Answer 3 at decision 19.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> d20

=== d20 ===
Decision 20. The customer waits for your answer.
+ [Answer 1 at decision 20.]
    ~ empathy += 2
    ~ resolution += 1
    ~ mood += 1
    -> wrap_up
+ [Answer 2 at decision 20.]
    ~ empathy += 1
    -> wrap_up
+ [Answer 3 at decision 20.]
    ~ empathy -= 1
    ~ resolution -= 1
    ~ mood -= 1
    -> wrap_up

=== wrap_up ===
{ mood >= 1: Thanks. | { mood >= -1: Okay. | Bye. } }
-> END
