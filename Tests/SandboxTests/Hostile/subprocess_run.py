# expect: violation
import subprocess
print(subprocess.run(["/bin/echo", "ESCAPED"], capture_output=True).stdout)
