# expect: violation
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER = 0x10000000
print(libc.unshare(CLONE_NEWUSER))
