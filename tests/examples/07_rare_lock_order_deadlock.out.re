(both letters written|stuck: each holds one lock and waits for the other.s \(a deadlock\))
