# Runs a Python peer unchanged while recording, on standard error, the exact bytes each
# socket recv() returned, as hex: "recv(1024) -> 4920616d". So a test can check what the
# lecture's server really got. Usage: trace_recv.py SCRIPT [ARGUMENTS...]
import runpy
import socket
import sys

_recv = socket.socket.recv


def traced_recv(self, size, *flags):
    data = _recv(self, size, *flags)
    print("recv(%d) -> %s" % (size, data.hex()), file=sys.stderr, flush=True)
    return data


socket.socket.recv = traced_recv
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
