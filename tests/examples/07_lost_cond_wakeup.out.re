(the consumer saw the data|lost wake-up: the consumer waits for a signal that already came)
