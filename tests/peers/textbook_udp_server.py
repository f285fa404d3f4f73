# The textbook's UDP capitalization server: Kurose & Ross, "Computer Networking: A Top-Down
# Approach", chapter 2.7, UDPServer.py, in its Python 3 form. The only changes: the port may be
# given as an argument (default 12000, the book's), and the ready line is flushed, so tests can
# run it on a free port and know when to send.
import sys
from socket import *
serverPort = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
serverSocket = socket(AF_INET, SOCK_DGRAM)
serverSocket.bind(('', serverPort))
print("The server is ready to receive", flush=True)
while True:
    message, clientAddress = serverSocket.recvfrom(2048)
    modifiedMessage = message.decode().upper()
    serverSocket.sendto(modifiedMessage.encode(), clientAddress)
