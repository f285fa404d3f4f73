# The textbook's UDP capitalization client: Kurose & Ross, "Computer Networking: A Top-Down
# Approach", chapter 2.7, UDPClient.py, in its Python 3 form (input() for raw_input()). The only
# change: the server's name and port may be given as arguments (default 'localhost' and 12000).
import sys
from socket import *
serverName = sys.argv[2] if len(sys.argv) > 2 else 'localhost'
serverPort = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
clientSocket = socket(AF_INET, SOCK_DGRAM)
message = input('Input lowercase sentence:')
clientSocket.sendto(message.encode(),(serverName, serverPort))
modifiedMessage, serverAddress = clientSocket.recvfrom(2048)
print(modifiedMessage.decode())
clientSocket.close()
