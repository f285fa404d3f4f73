#!/usr/bin/env python3
"""The asyncio capitalization server a student writes right after the lecture.

The benchmark (run_load.sh) measures it beside Capsock and the epoll reference. It is kept
as plain as a student's: read, upper-case, write, drain. bytes.upper() only changes ASCII
letters, which is all the benchmark sends; other bytes pass through unchanged.
    python3 asyncio_upper_server.py [PORT] [--max-seconds S]
Listens on 127.0.0.1 only; PORT 0 (the default) picks a free port.
"""
import asyncio
import sys


async def handle(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:  # the client half-closed: everything it sent has been answered
                break
            writer.write(data.upper())
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(port, max_seconds):
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    bound = server.sockets[0].getsockname()[1]
    print(f"listening on port {bound}", flush=True)
    async with server:
        try:
            # A forgotten server still goes away by itself.
            await asyncio.wait_for(server.serve_forever(), max_seconds)
        except asyncio.TimeoutError:
            pass


if __name__ == "__main__":
    args = sys.argv[1:]
    limit = 3600.0
    if "--max-seconds" in args:
        at = args.index("--max-seconds")
        limit = float(args[at + 1])
        del args[at:at + 2]
    try:
        asyncio.run(main(int(args[0]) if args else 0, limit))
    except KeyboardInterrupt:
        pass
