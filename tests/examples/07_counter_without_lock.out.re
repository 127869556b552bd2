counter = [0-9]+, expected 1000000: [0-9]+ updates lost
