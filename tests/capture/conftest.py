"""Fixtures for the capture tests: WARC files written with warcio, and case-bundle folders."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.loopback import loopback_only

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
DEFAULT_DATE = "2024-05-01T10:00:00Z"


class WarcFile:
    """A WARC file written record by record, as a crawler would, gzip per record or plain."""

    def __init__(self, path: Path, gzip: bool = True) -> None:
        self.path = path
        self._handle: BinaryIO = path.open("wb")
        self._writer = WARCWriter(self._handle, gzip=gzip, warc_version="1.1")

    def __enter__(self) -> WarcFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    def warcinfo(self) -> None:
        record = self._writer.create_warcinfo_record(
            self.path.name, {"software": "scamrank tests", "format": "WARC File Format 1.1"}
        )
        self._writer.write_record(record)

    def response(
        self,
        url: str,
        body: bytes | str = b"",
        *,
        status: str = "200 OK",
        content_type: str | None = "text/html; charset=utf-8",
        headers: list[tuple[str, str]] | None = None,
        date: str = DEFAULT_DATE,
    ) -> str:
        """Write an HTTP response record; returns its WARC-Payload-Digest."""
        payload = body.encode("utf-8") if isinstance(body, str) else body
        http_headers = [("Content-Type", content_type)] if content_type else []
        http_headers += headers or []
        if not any(name.lower() == "transfer-encoding" for name, _ in http_headers):
            http_headers.append(("Content-Length", str(len(payload))))
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=StatusAndHeaders(status, http_headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date},
        )
        self._writer.write_record(record)
        return record.rec_headers.get_header("WARC-Payload-Digest")

    def redirect(
        self,
        url: str,
        location: str,
        *,
        status: str = "301 Moved Permanently",
        date: str = DEFAULT_DATE,
    ) -> None:
        self.response(
            url,
            b"<html><body>moved</body></html>",
            status=status,
            headers=[("Location", location)],
            date=date,
        )

    def request(self, url: str, date: str = DEFAULT_DATE) -> None:
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        host = url.split("/")[2]
        record = self._writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=StatusAndHeaders(
                f"GET {path} HTTP/1.1", [("Host", host)], is_http_request=True
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        self._writer.write_record(record)

    def metadata(self, url: str, text: str) -> None:
        data = text.encode("utf-8")
        record = self._writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type="application/warc-fields",
        )
        self._writer.write_record(record)

    def revisit(
        self,
        url: str,
        digest: str,
        refers_to_url: str,
        *,
        refers_to_date: str = DEFAULT_DATE,
        status: str = "200 OK",
        content_type: str = "text/html; charset=utf-8",
        date: str = DEFAULT_DATE,
    ) -> None:
        record = self._writer.create_revisit_record(
            url,
            digest,
            refers_to_url,
            refers_to_date,
            http_headers=StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        self._writer.write_record(record)


class BundleFolder:
    """A case-bundle folder under construction: cases.csv, snapshots/ and rdap/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def cases(self, rows: list[tuple[str, str, str, str]], header: str = "") -> Path:
        lines = [header or "case_id,url,reported_at,outcome"]
        lines += [",".join(row) for row in rows]
        path = self.root / "cases.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def warc(self, name: str, gzip: bool = True) -> WarcFile:
        folder = self.root / "snapshots"
        folder.mkdir(exist_ok=True)
        return WarcFile(folder / name, gzip=gzip)

    def rdap(self, domain: str, text: str) -> Path:
        folder = self.root / "rdap"
        folder.mkdir(exist_ok=True)
        path = folder / f"{domain}.json"
        path.write_text(text, encoding="utf-8")
        return path


@pytest.fixture
def warc_file() -> Callable[..., WarcFile]:
    """A factory: `warc_file(path, gzip=True)` opens a WarcFile to write records into."""
    return WarcFile


@pytest.fixture
def bundle_folder(tmp_path: Path) -> Iterator[BundleFolder]:
    """A fresh, empty case-bundle folder under the test's temporary directory."""
    yield BundleFolder(tmp_path / "bundle")


@pytest.fixture
def real_warc_dir() -> Path:
    """The real-WARC corpus; the test is skipped when it is not beside the repository."""
    folder = CORPORA / "real-warc"
    if not folder.is_dir():
        pytest.skip(f"the real-WARC corpus is not at {folder}")
    return folder


@pytest.fixture
def real_rdap_dir() -> Path:
    """The real-RDAP corpus; the test is skipped when it is not beside the repository."""
    folder = CORPORA / "real-rdap"
    if not folder.is_dir():
        pytest.skip(f"the real-RDAP corpus is not at {folder}")
    return folder


@pytest.fixture(scope="package", autouse=True)
def loopback_only_in_capture_tests() -> Iterator[None]:
    """The capture tests talk to their own servers on 127.0.0.1 and to nothing else."""
    with loopback_only():
        yield
