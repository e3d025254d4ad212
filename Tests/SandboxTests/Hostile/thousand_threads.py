# Threads are allowed (clone with CLONE_THREAD); a thousand of them fit in the limits.
# expect: ok
# stdout: 1000
import threading
done = []
lock = threading.Lock()
def work():
    with lock:
        done.append(1)
threads = [threading.Thread(target=work) for _ in range(1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(done))
