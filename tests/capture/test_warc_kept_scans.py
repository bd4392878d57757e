"""A WARC file scanned before and unchanged since is not read again by the same process (the
service lists a case's evidence on every view, a notebook reopens its bundles): the kept scan
is keyed by the file's path, inode, size and modification time, and a file modified in the last
two seconds is always read again, since file times tick by milliseconds."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from capture.warc import scan_warc
from capture.warc.scan import SETTLED_NS

SNAPSHOTS = Path(__file__).resolve().parents[2] / "data" / "sample" / "snapshots"
SAMPLE_WARC = SNAPSHOTS / "2024-06.warc.gz"


def _settled_copy(folder: Path) -> Path:
    """A copy of a sample WARC file, last modified a minute ago."""
    path = shutil.copyfile(SAMPLE_WARC, folder / "crawl.warc.gz")
    minute_ago = time.time_ns() - 60 * 10**9
    os.utime(path, ns=(minute_ago, minute_ago))
    return path


def _blank_in_place(path: Path, keep_time: bool) -> None:
    """The file's bytes all zero, at the same size and inode; its time kept or set to now."""
    before = path.stat()
    with path.open("r+b") as handle:
        handle.write(b"\0" * before.st_size)
    if keep_time:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_an_unchanged_file_gives_the_kept_scan_without_reading_it(tmp_path: Path) -> None:
    path = _settled_copy(tmp_path)
    first = scan_warc(path)
    assert first.complete and first.captures and not first.faults
    # The same path, inode, size and time: the kept scan, though the bytes are now all zero
    # (which only a write that sets the file's time back can do: what the key cannot see).
    _blank_in_place(path, keep_time=True)
    again = scan_warc(path)
    assert again.captures == first.captures and again.records == first.records
    assert not again.faults


def test_a_modified_file_is_read_again(tmp_path: Path) -> None:
    path = _settled_copy(tmp_path)
    assert scan_warc(path).captures
    _blank_in_place(path, keep_time=False)  # a write sets the time to now
    again = scan_warc(path)
    assert not again.captures and not again.complete and again.faults


def test_a_file_modified_in_the_last_two_seconds_is_read_every_time(tmp_path: Path) -> None:
    path = shutil.copyfile(SAMPLE_WARC, tmp_path / "fresh.warc.gz")
    assert time.time_ns() - path.stat().st_mtime_ns < SETTLED_NS
    assert scan_warc(path).captures
    # Written again at once, same size, its time set back to the first write's: still read.
    _blank_in_place(path, keep_time=True)
    assert not scan_warc(path).captures


def test_a_caller_changing_its_scan_leaves_the_kept_one_whole(tmp_path: Path) -> None:
    path = _settled_copy(tmp_path)
    first = scan_warc(path)
    count = len(first.captures)
    first.captures.clear()
    first.faults.append("changed by a caller")
    again = scan_warc(path)
    assert len(again.captures) == count and not again.faults
