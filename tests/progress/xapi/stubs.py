"""Misbehaving LRSs on loopback for the fault tests: one that errors, one that half-accepts, one that drips.

Each is a real HTTP server on 127.0.0.1 in a thread. Every loop is bounded (a request count, a byte
count), so a server stops by itself even if a test forgets it; ``stop()`` ends it at once.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading


class StubLrs:
    """``answers``: the status for each POST in turn (the last repeats). ``drip``: after the headers of
    a 200, send the body one byte every ``drip`` seconds (at most ``body`` bytes)."""

    def __init__(self, answers: list[int], drip: float | None = None, body: int = 60) -> None:
        self.answers = answers
        self.drip = drip
        self.body = body
        self.received: list[list[dict]] = []  # the statements of each POST
        self.connected = threading.Event()
        self._stop = threading.Event()
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def _serve(self) -> None:
        for _ in range(200):  # bounded: at most 200 connections
            if self._stop.is_set():
                return
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _read_request(self, conn: socket.socket) -> bytes | None:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            body += chunk
        return body

    def _answer(self, conn: socket.socket) -> None:
        self.connected.set()
        try:
            body = self._read_request(conn)
        except OSError:
            return
        if body is None:
            return
        index = len(self.received)
        status = self.answers[min(index, len(self.answers) - 1)]
        if body:
            self.received.append(json.loads(body))
        if self.drip is not None and status == 200:
            conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {self.body}\r\n\r\n".encode())
            for _ in range(self.body):  # bounded: one byte at a time, then done
                if self._stop.wait(self.drip):
                    return
                try:
                    conn.sendall(b"[")
                except OSError:
                    return
            return
        text = b"" if status in (200, 204) else b'{"detail": "stub failure"}'
        reason = {200: "OK", 204: "No Content", 500: "Internal Server Error"}.get(status, "Error")
        head = f"HTTP/1.1 {status} {reason}\r\nContent-Length: {len(text)}\r\nConnection: close\r\n\r\n"
        with contextlib.suppress(OSError):
            conn.sendall(head.encode() + text)

    def __enter__(self) -> StubLrs:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(10)


def refused_endpoint() -> str:
    """An address where nothing listens: the connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/xAPI/"
