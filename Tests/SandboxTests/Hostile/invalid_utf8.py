# expect: ok
# stdout-hex: fffe00616263c3
import sys
sys.stdout.buffer.write(b"\xff\xfe\x00abc\xc3")
