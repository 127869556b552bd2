1 P : +[0-9]+ ms \(concurrent: one worker at a time\)
4 Ps: +[0-9]+ ms \(parallel, up to [0-9]+ CPUs here\)
speed-up: ([0-9]+\.[0-9]x|none measured: no time passed \(a simulated clock stands still while goroutines compute\))
