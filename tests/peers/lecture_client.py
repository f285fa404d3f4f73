# The lecture's capitalization client (socket-programming.txt, "Example: Capitalization"),
# with the lines the page lost put back: sock.sendall(data), print(mesg) and sock.close().
# The only other change: PORT (and HOST) may be given as arguments.
import socket
import sys

# the host we are connecting to and the port
HOST = sys.argv[2] if len(sys.argv) > 2 else ""
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 5220

# create our socket
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

# connect the socket to the server
sock.connect((HOST, PORT))

# get a string from the user
mesg = input("Enter a string: ")

# convert it to raw bytes
data = mesg.encode()

# send it to the server
sock.sendall(data)

# read the response
data = sock.recv(1024)

# convert it to a string
mesg = data.decode()

# print it out
print(mesg)

# and close the socket
sock.close()
