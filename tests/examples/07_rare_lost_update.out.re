counter = (2: both updates arrived|1 an update was lost)
