# The run's own directory is writable (and is its working directory).
# expect: ok
# stdout: 5
with open("scratch.txt", "w") as f:
    f.write("hello")
print(len(open("scratch.txt").read()))
