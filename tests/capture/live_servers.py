"""Real HTTP servers on 127.0.0.1 for the live-capture tests: shop sites told apart by their
Host header (names under .localhost, which the capture resolver maps to 127.0.0.1 without DNS),
misbehaving sites, and an RDAP server answering from records given by the test."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[["_Handler"], None]


@dataclass
class Reply:
    """A fixed answer: status, headers and body."""

    body: bytes | str = b""
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = "text/html; charset=utf-8"

    def send(self, handler: _Handler) -> None:
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        handler.send_response(self.status)
        if self.content_type:
            handler.send_header("Content-Type", self.content_type)
        for name, value in self.headers:
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(b"<html><body>moved</body></html>", status, [("Location", location)])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as web servers set it (nginx's tcp_nodelay): http.server writes the headers
    # and the body apart, and with Nagle's algorithm on, a body smaller than one segment waits
    # for the client's delayed ACK (40 ms on Linux), a delay no real site adds. It held about
    # one response in five of the capture bench 40 ms past its 100 ms.
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        with self.server.lock:  # one request's entries land at the same position of both lists
            self.server.log.append((host, self.path, dict(self.headers.items())))
            self.server.arrived.append(time.monotonic())
        if self.server.delay:
            time.sleep(self.server.delay)
        routes, path = self.server.routes, self.path
        route = routes.get((host, path)) or routes.get(("*", path)) or self.server.fallback
        if route is None:
            Reply("<html><body><h1>Not found</h1></body></html>", 404).send(self)
        elif isinstance(route, Reply):
            route.send(self)
        else:
            route(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the tests read server.log instead


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 drops connections a concurrent client opens at once

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[tuple[str, str], Reply | Handler] = {}
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.arrived: list[float] = []  # time.monotonic() of each request, as in `log`
        self.lock = threading.Lock()
        self.delay = 0.0
        self.stopping = threading.Event()
        self.fallback: Handler | None = None  # answers paths no route names

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on a slow or endless answer is what the tests want


class LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with an ephemeral port; stop() ends it."""

    def __init__(self, delay: float = 0.0) -> None:
        self._server = _Server()
        self._server.delay = delay
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def route(self, host: str, path: str, answer: Reply | Handler) -> None:
        self._server.routes[(host, path)] = answer

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def log(self) -> list[tuple[str, str, dict[str, str]]]:
        return self._server.log

    @property
    def stopping(self) -> threading.Event:
        return self._server.stopping

    def paths(self, host: str) -> list[str]:
        return [path for h, path, _ in self.log if h == host]

    def arrivals(self, host: str, path: str | None = None) -> list[float]:
        """When each request to `host` (for `path`, when given) arrived, by time.monotonic(), in
        order: tests compare gaps measured where requests land, not the client's wall clock."""
        with self._server.lock:
            pairs = list(zip(self.log, self._server.arrived, strict=True))
        return [t for (h, p, _), t in pairs if h == host and (path is None or p == path)]

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()


# --- misbehaving answers -------------------------------------------------------------------


def slow(seconds: float) -> Handler:
    """Says nothing for `seconds` (or until the server stops), then answers."""

    def handle(handler: _Handler) -> None:
        handler.server.stopping.wait(seconds)
        Reply("<html><body>late</body></html>").send(handler)

    return handle


def endless(handler: _Handler) -> None:
    """An HTML body that never ends (stops when the client leaves or after 30 s)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    chunk = b"<p>" + b"x" * 16_000 + b"</p>\n"
    deadline = time.monotonic() + 30
    try:
        handler.wfile.write(b"<html><body>")
        while time.monotonic() < deadline and not handler.server.stopping.is_set():
            handler.wfile.write(chunk)
    except OSError:
        pass  # the client hung up: what a capture with limits does


def dripping(handler: _Handler) -> None:
    """A byte every 0.2 s: never silent for long, never done (for the per-page time limit)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline and not handler.server.stopping.wait(0.2):
            handler.wfile.write(b" ")
            handler.wfile.flush()
    except OSError:
        pass


def garbage(handler: _Handler) -> None:
    """Not HTTP at all."""
    handler.close_connection = True
    handler.wfile.write(b"\x00\x01 this is not HTTP \xff\xfe\r\n\r\n")


def chunked(body: bytes) -> Handler:
    """A page sent with Transfer-Encoding: chunked, in several chunks."""

    def handle(handler: _Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(body), 100):
            piece = body[start : start + 100]
            handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")

    return handle


def gzip_bomb(decoded_size: int) -> Reply:
    """A small gzip body that decodes to `decoded_size` bytes of spaces."""
    body = gzip.compress(b" " * decoded_size, compresslevel=9)
    return Reply(body, headers=[("Content-Encoding", "gzip")], content_type="text/html")


# --- RDAP ----------------------------------------------------------------------------------


def rdap_record(name: str, registered: str = "2025-01-10T08:00:00Z") -> bytes:
    """A small RDAP domain object, as a registry writes one."""
    obj = {
        "objectClassName": "domain",
        "ldhName": name,
        "rdapConformance": ["rdap_level_0"],
        "status": ["active"],
        "events": [
            {"eventAction": "registration", "eventDate": registered},
            {"eventAction": "expiration", "eventDate": "2027-01-10T08:00:00Z"},
        ],
        "entities": [
            {
                "objectClassName": "entity",
                "roles": ["registrar"],
                "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "R"]]],
            }
        ],
    }
    return json.dumps(obj, indent=1).encode("utf-8")


class RdapServer(LocalServer):
    """RDAP on 127.0.0.1: `records` answered by name, 404 for others; names in `busy` answer
    429 (Retry-After: 1) that many times before answering."""

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, bytes] = {}
        self.busy: dict[str, int] = {}
        outer = self

        def answer(handler: _Handler) -> None:
            name = handler.path.rsplit("/", 1)[-1].lower()
            if outer.busy.get(name, 0) > 0:
                outer.busy[name] -= 1
                Reply(
                    b'{"errorCode": 429}',
                    429,
                    [("Retry-After", "1")],
                    "application/rdap+json",
                ).send(handler)
            elif name in outer.records:
                Reply(outer.records[name], content_type="application/rdap+json").send(handler)
            else:
                Reply(b'{"errorCode": 404}', 404, content_type="application/rdap+json").send(
                    handler
                )

        self._server.fallback = answer

    def asked(self, name: str) -> int:
        return sum(1 for _, path, _ in self.log if path.endswith(f"/domain/{name}"))

    def bootstrap(self, *suffixes: str) -> dict[str, Any]:
        """A bootstrap whose given suffixes are served here."""
        return {
            "version": "1.0",
            "publication": "2025-06-27T17:00:02Z",
            "services": [[list(suffixes), [f"http://127.0.0.1:{self.port}/rdap/"]]],
        }
