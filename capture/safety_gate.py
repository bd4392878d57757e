"""EU Safety Gate (formerly RAPEX) alerts read from the Commission's weekly report detail XML.

The Commission publishes a list file (`weeklyReport/list/xml/<lang>`) whose `<weeklyReport>`
entries only point to the detail files; a detail file is a `<Safety-Gate>` root holding the
report's date and one `<notifications>` element per alert (the element is plural, the record
single). data/README.md lists the fields read. Files are read as a stream (lxml iterparse, each
record cleared once read) with entity expansion and network access off, so a hostile or huge
file costs neither memory nor a request; a broken file or record is reported and never stops
the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lxml import etree
from stdnum import ean

RECORD_TAG = "notifications"  # one alert per element, in the published files' own naming
# The detail file's child elements read into an `Alert` (published name -> field).
_FIELDS = {
    "caseNumber": "reference",
    "reference": "url",
    "category": "category",
    "product": "product",
    "name": "name",
    "brand": "brand",
    "type_numberOfModel": "model",
    "barcode": "barcode",
    "batchNumber": "batch",
    "riskType": "risk_type",
    "level": "level",
    "danger": "danger",
    "measures": "measures",
    "description": "description",
    "notifyingCountry": "notifying_country",
    "countryOfOrigin": "country_of_origin",
    "counterfeit": "counterfeit",
}
_REPORT_FIELDS = ("report_date", "report_year", "report_week")
_GTIN_RUN = re.compile(r"(?<!\d)(\d{8}|\d{12,14})(?!\d)")
_YES = frozenset({"yes", "true", "1", "y", "oui", "ja"})
_NO = frozenset({"no", "false", "0", "n", "non", "nein"})


@dataclass(frozen=True)
class Alert:
    """One Safety Gate alert: the product it names, how to recognise it, and its risk."""

    reference: str  # the alert number (caseNumber), e.g. SR/02362/26: the id shown in `alerts`
    name: str = ""  # the product's name as notified (often empty or generic)
    product: str = ""  # the product type, e.g. "Power bank"
    brand: str = ""  # as notified; "Unknown" is common
    model: str = ""  # type or model number(s), as notified
    barcode: str = ""  # as notified: one or several codes, sometimes with words around
    gtins: tuple[str, ...] = ()  # the barcode's valid GTINs, as 14 digits
    category: str = ""  # e.g. "Toys", "Electrical appliances and equipment"
    risk_type: str = ""  # e.g. "Chemical", "Electric shock"
    level: str = ""  # e.g. "Serious risk"
    danger: str = ""
    measures: str = ""
    description: str = ""
    batch: str = ""
    notifying_country: str = ""
    country_of_origin: str = ""
    counterfeit: bool | None = None  # None when the file does not say
    url: str = ""  # the alert's page on the Safety Gate site
    version: str = ""  # the weekly report's date (ISO) or year-week: a newer one replaces
    source: str = ""  # the file it was read from


@dataclass(frozen=True)
class ReadProblem:
    """A file or record that could not be read, and why; reading goes on without it."""

    file: str
    record: int | None  # 1-based index of the <notifications> record, None for the whole file
    reason: str

    def __str__(self) -> str:
        where = self.file if self.record is None else f"{self.file} record {self.record}"
        return f"{where}: {self.reason}"


def gtins_in(text: str) -> tuple[str, ...]:
    """The valid GTIN-8/12/13/14 codes in `text`, each as 14 digits, in order, without repeats.

    Zero-padding to 14 digits is GS1's own way to compare codes of different lengths (a UPC-A
    and the EAN-13 that prefixes it with 0 are the same product)."""
    found: list[str] = []
    for run in _GTIN_RUN.findall(text):
        if ean.is_valid(run):
            code = run.zfill(14)
            if code not in found:
                found.append(code)
    return tuple(found)


def _counterfeit(value: str) -> bool | None:
    """The counterfeit indication: the file's own field when it has one, else None.

    The weekly detail files seen so far carry no such element; the field is read when present
    (yes/no in any case) and the description is not guessed from."""
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def _version(report: dict[str, str]) -> str:
    """The report's date as ISO (published as DD/MM/YYYY), else `YYYY-Www`, else empty."""
    raw = report.get("report_date", "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    year, week = report.get("report_year", "").strip(), report.get("report_week", "").strip()
    if year.isdigit() and week.isdigit():
        # ISO week's Monday: comparable with dates as text
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    return ""


def _alert(values: dict[str, str], version: str, source: str) -> Alert:
    """An `Alert` from one record's texts; raises ValueError when it has no alert number."""
    reference = values.get("reference", "").strip()
    if not reference:
        raise ValueError("no caseNumber (the alert number)")
    fields = {k: v.strip() for k, v in values.items() if k != "counterfeit"}
    return Alert(
        **fields,
        gtins=gtins_in(values.get("barcode", "")),
        counterfeit=_counterfeit(values.get("counterfeit", "")),
        version=version,
        source=source,
    )


def _local(tag: object) -> str:
    """The element's name without namespace ('' for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(element: etree._Element) -> str:
    """The element's text with entity references left out: they are never expanded (a declared
    entity could be a billion laughs or a local file), and their names are not product data."""
    parts = [element.text or ""]
    for node in element.iterdescendants():
        if not isinstance(node, etree._Entity):
            parts.append(node.text or "")
        parts.append(node.tail or "")
    return "".join(parts)


def read_alerts_file(path: str | Path) -> Iterator[Alert | ReadProblem]:
    """Each alert of one weekly report detail file, in order, or a `ReadProblem` for a record
    (or the rest of the file) that cannot be read. Never raises for bad content."""
    source = str(path)
    report: dict[str, str] = {}
    version: str | None = None  # the report's, worked out once at its first record
    index = 0
    try:
        events = etree.iterparse(
            source,
            events=("end",),
            # only the elements read raise an event (in any namespace): a Python step per
            # record, not per field
            tag=[f"{{*}}{name}" for name in (RECORD_TAG, *_REPORT_FIELDS)],
            resolve_entities=False,  # no entity expansion: no billion laughs, no local files
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
        )
        for _, element in events:
            parent = element.getparent()
            if parent is None or parent.getparent() is not None:
                continue  # only the root's children are the report's fields and records
            name = _local(element.tag)
            if name != RECORD_TAG:
                report[name] = (element.text or "").strip()
                version = None
                continue
            index += 1
            values = {}
            for child in element:
                field = _FIELDS.get(_local(child.tag))
                if field is not None:
                    values[field] = _text(child)
            if version is None:
                version = _version(report)
            try:
                yield _alert(values, version, source)
            except ValueError as error:
                yield ReadProblem(source, index, str(error))
            # the record is read: free it and the records before it, so memory stays flat
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        yield ReadProblem(source, None, f"not well-formed XML after {index} records: {error}")
    except OSError as error:
        yield ReadProblem(source, None, f"cannot be read: {error.strerror or error}")


def read_alerts(
    paths: Iterable[str | Path], problems: list[ReadProblem] | None = None
) -> Iterator[Alert]:
    """The alerts of every file in turn; what cannot be read goes to `problems` (when given)."""
    for path in paths:
        for item in read_alerts_file(path):
            if isinstance(item, ReadProblem):
                if problems is not None:
                    problems.append(item)
            else:
                yield item
