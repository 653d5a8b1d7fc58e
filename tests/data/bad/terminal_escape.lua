-- an error message that would send escape sequences to the terminal
error("\27]0;pwned\7\27[2J")
