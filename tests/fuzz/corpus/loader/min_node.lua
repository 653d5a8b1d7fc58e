node "a" { }
