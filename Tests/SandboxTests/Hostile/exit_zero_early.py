# The sandbox reports exit 0 faithfully; the judge, not the sandbox, refuses early exits.
# expect: ok
import sys
sys.exit(0)
