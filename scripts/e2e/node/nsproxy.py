"""TCP relay from the host's 127.0.0.1:<port> into a network namespace's 127.0.0.1:<port>.

flask-helm-wizard's real-node e2e lane runs the API server inside a namespace of its
own; kubectl, helm and the wizard on the host reach it through this relay. The
listening socket is made in the host namespace first; then the process moves into the
lane's namespace, so every socket it connects afterwards is made in there.
Usage: nsproxy.py <netns path> <port>
"""

import ctypes
import os
import socket
import sys
import threading

CLONE_NEWNET = 0x40000000


def pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        # Half-close, so the other direction can still finish (TLS close_notify, HTTP/2 GOAWAY).
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def serve(client: socket.socket, port: int) -> None:
    try:
        upstream = socket.create_connection(("127.0.0.1", port), timeout=10)
    except OSError:
        client.close()
        return
    upstream.settimeout(None)
    back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
    back.start()
    pump(client, upstream)
    back.join()
    client.close()
    upstream.close()


def main() -> None:
    netns, port = sys.argv[1], int(sys.argv[2])
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(128)
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(netns, os.O_RDONLY)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        sys.exit(f"nsproxy: setns({netns}): {os.strerror(ctypes.get_errno())}")
    os.close(fd)
    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client, port), daemon=True).start()


if __name__ == "__main__":
    main()
