"""The connections of live capture (capture/streams.py) against real servers on 127.0.0.1: TLS
verified with the shared context, idle connections the server closed never reused, bodies larger
than the read buffer read whole, and failures worded as before.

The TLS server's certificates come from a certificate authority made for the test (with
cryptography): trusted only by the context the test builds, unknown to the default one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from capture.fetch import Fetched, Fetcher, FetchOptions
from capture.streams import _HIGH_WATER, AsyncioBackend
from capture.transport import default_ssl_context
from tests.capture.live_servers import LocalServer, Reply

LOCAL = FetchOptions(
    allowed_networks=("127.0.0.1/32",),
    connect_timeout=2.0,
    read_timeout=1.0,
    page_timeout=3.0,
    max_bytes=2_000_000,
    hosts={},  # no DNS: *.localhost is loopback
)
PAGE = b"<html><body><p>Boutique chiffr\xc3\xa9e</p></body></html>"


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A test authority, and a certificate it signed for shop.localhost: (ca, cert, key)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("scamrank test CA"))
        .issuer_name(_name("scamrank test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("shop.localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("shop.localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


class _Page(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _TlsServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that refused our certificate hangs up mid-handshake: expected


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """An HTTPS server on 127.0.0.1 (its port) and the file of the authority that signed it."""
    ca, cert, key = _certificates(tmp_path_factory.mktemp("tls"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = _TlsServer(("127.0.0.1", 0), _Page)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield server.server_address[1], ca
    server.shutdown()
    server.server_close()


def _fetch(urls: list[str], options: FetchOptions = LOCAL, pause: float = 0.0) -> list[Fetched]:
    """Fetch the URLs one after the other with one Fetcher (one pool), `pause` s apart."""

    async def run() -> list[Fetched]:
        results = []
        async with Fetcher(options) as fetcher:
            for url in urls:
                results.append(await fetcher.get(url))
                await asyncio.sleep(pause)
        return results

    return asyncio.run(run())


# --- TLS ------------------------------------------------------------------------------------


def test_a_page_over_tls_is_fetched_when_its_authority_is_trusted(tls: tuple[int, Path]) -> None:
    port, ca = tls
    trusting = ssl.create_default_context(cafile=str(ca))
    url = f"https://shop.localhost:{port}/"
    first, second = _fetch([url, url], replace(LOCAL, ssl_context=trusting))
    for result in (first, second):
        assert result.failure is None and result.final is not None
        assert result.final.status == 200 and result.final.body == PAGE
        assert result.final.ip_address == "127.0.0.1"


def test_the_shared_default_context_still_verifies_certificates(tls: tuple[int, Path]) -> None:
    port, _ = tls
    # Two Fetchers, two runs: the context built once serves both, and refuses both times.
    for _ in range(2):
        (result,) = _fetch([f"https://shop.localhost:{port}/"])
        assert result.failure is not None and result.failure.kind == "tls"
        assert "CERTIFICATE_VERIFY_FAILED" in result.failure.detail
    shared = default_ssl_context()
    assert shared is default_ssl_context()
    assert shared.verify_mode == ssl.CERT_REQUIRED and shared.check_hostname


def test_a_certificate_for_another_name_is_refused(tls: tuple[int, Path]) -> None:
    port, ca = tls
    trusting = ssl.create_default_context(cafile=str(ca))
    (result,) = _fetch([f"https://autre.localhost:{port}/"], replace(LOCAL, ssl_context=trusting))
    assert result.failure is not None and result.failure.kind == "tls"
    assert "autre.localhost" in result.failure.detail  # the name that did not match


# --- plain HTTP -----------------------------------------------------------------------------


def _closes_after_answering(handler: BaseHTTPRequestHandler) -> None:
    """Answers as if the connection stayed open (no `Connection: close`), then closes it."""
    Reply("<html><body>une fois</body></html>").send(handler)
    handler.close_connection = True


def test_an_idle_connection_the_server_closed_is_not_reused() -> None:
    server = LocalServer()
    server.route("close.localhost", "/", _closes_after_answering)
    try:
        url = server.url("close.localhost")
        # The pause lets the server's close arrive while the connection sits idle in the pool:
        # sending the next request on it would end in "server disconnected".
        results = _fetch([url, url, url], pause=0.2)
    finally:
        server.stop()
    assert [r.failure for r in results] == [None, None, None]
    assert server.paths("close.localhost") == ["/", "/", "/"]


def test_a_kept_alive_connection_is_reused() -> None:
    server = LocalServer()
    server.route("ok.localhost", "/", Reply("<html><body>ici</body></html>"))
    opened: list[int] = []
    real = server._server.process_request  # counts the connections the server accepts

    def counting(request: Any, client_address: Any) -> None:
        opened.append(client_address[1])
        real(request, client_address)

    server._server.process_request = counting  # type: ignore[method-assign]
    try:
        url = server.url("ok.localhost")
        results = _fetch([url, url, url])
    finally:
        server.stop()
    assert all(r.failure is None for r in results)
    assert len(opened) == 1  # three requests, one connection


def test_a_body_larger_than_the_read_buffer_arrives_whole() -> None:
    server = LocalServer()
    body = b"<html><body>" + bytes(range(32, 127)) * 12_000 + b"</body></html>"  # ~1.1 MB
    server.route("big.localhost", "/", Reply(body))
    try:
        (result,) = _fetch([server.url("big.localhost")])
    finally:
        server.stop()
    assert result.failure is None and result.final is not None
    assert result.final.body == body


def test_a_refused_connection_is_worded_as_before() -> None:
    idle = LocalServer()
    port = idle.port
    idle.stop()  # nothing listens any more
    (result,) = _fetch([f"http://closed.localhost:{port}/"])
    assert result.failure is not None and result.failure.kind == "connect"
    assert result.failure.detail.endswith("connection failed: All connection attempts failed")


def test_a_server_that_stays_silent_times_out() -> None:
    server = LocalServer(delay=2.0)
    server.route("slow.localhost", "/", Reply("<html></html>"))
    try:
        options = replace(LOCAL, read_timeout=0.3, page_timeout=5.0)
        (result,) = _fetch([server.url("slow.localhost")], options)
    finally:
        server.stop()
    assert result.failure is not None and result.failure.kind == "timeout"
    assert "stayed silent for 0.3 s" in result.failure.detail


def test_reading_pauses_while_unread_bytes_pile_up_and_resumes_once_read() -> None:
    """A server faster than its reader: the connection stops reading past the high-water mark
    (memory stays bounded) and reads the rest once the reader has caught up."""
    data = bytes(range(256)) * 4096  # 1 MiB, four times the high-water mark
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.sendall(data)

    sender = threading.Thread(target=serve, daemon=True)
    sender.start()

    async def run() -> tuple[int, bytes]:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=2.0)
        await asyncio.sleep(0.3)  # everything the kernel lets through arrives unread
        held = len(stream._protocol.buffer)  # type: ignore[attr-defined]
        received = bytearray()
        while chunk := await stream.read(65536, timeout=2.0):
            received += chunk
        await stream.aclose()
        return held, bytes(received)

    try:
        held, received = asyncio.run(run())
    finally:
        sender.join(timeout=5)
        listener.close()
    assert held <= _HIGH_WATER + 262_144  # paused after the read that passed the mark
    assert received == data
