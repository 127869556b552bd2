(alice|bob) (took 80|was refused)
(alice|bob) (took 80|was refused)
balance: (20|-60 \(overdrawn!\))
