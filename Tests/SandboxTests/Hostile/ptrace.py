# expect: violation
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH = 16
print(libc.ptrace(PTRACE_ATTACH, 1, 0, 0))
