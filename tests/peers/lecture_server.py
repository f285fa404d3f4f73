# The lecture's capitalization server (socket-programming.txt, "Example: Capitalization"),
# with the lines the page lost put back: sock.listen(), conn.sendall(data), conn.close() and
# sock.close(). The only other changes: PORT (and HOST) may be given as arguments, and it says
# when it is listening, so tests can run it on a free port and know when to connect.
import socket
import sys

# host (internal) IP address and port
HOST = sys.argv[2] if len(sys.argv) > 2 else ""
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 5220

# create our socket
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

# allow us to reuse an address for restarts
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

# set the socket host and port number up
sock.bind((HOST, PORT))

# listen for any clients connecting
sock.listen()
print("Listening on port", PORT, flush=True)

# wait for a client to connect to us
# accept a connection which has come through
conn, addr = sock.accept()
print("Connection from:", addr, flush=True)

# read some bytes from the client
data = conn.recv(1024)

# decode it into a string
string = data.decode()

# convert it to uppercase
string = string.upper()

# now encode the data for sending back
data = string.encode()

# send it back
conn.sendall(data)

# and done
conn.close()

# done with listening on our socket to
sock.close()
