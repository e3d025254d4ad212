# expect: nonzero_exit
import socket
print(socket.getaddrinfo("pypi.org", 443))
print("ESCAPED")
