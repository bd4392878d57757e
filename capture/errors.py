"""The errors the capture package raises when an input cannot be used at all."""

from __future__ import annotations


class BundleError(ValueError):
    """A case bundle that cannot be read: no folder, or a missing or invalid cases.csv.

    `problems` lists every fault found, each naming the file, the line and the column, so that
    an investigator can fix them all in one go rather than one per run.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems if problems is not None else [message]


class RdapError(ValueError):
    """An RDAP answer that is not a usable domain object (not JSON, not an object, wrong class)."""
