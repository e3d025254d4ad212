# expect: time_limit
# time-limit: 1
while True:
    pass
