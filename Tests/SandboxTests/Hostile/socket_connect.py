# expect: nonzero_exit
import socket
connection = socket.create_connection(("127.0.0.1", 22), timeout=2)
print("ESCAPED")
