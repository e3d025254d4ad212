# A unix socket could reach a daemon (Docker's, systemd's): connect always fails with EACCES.
# expect: nonzero_exit
import socket
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.connect("/run/systemd/private")
print("ESCAPED")
