# expect: violation
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
SYS_bpf = 321
print(libc.syscall(SYS_bpf, 0, 0, 0))
