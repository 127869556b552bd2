(main|child) goroutine
(main|child) goroutine
