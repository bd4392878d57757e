"""The RDAP parser on real registry and registrar answers, on their quirks, and on broken files."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from capture.errors import RdapError
from capture.rdap import parse_rdap, read_rdap

DOMAIN_ANSWERS = 19  # the corpus README: 19 domain answers plus IANA's bootstrap file


def domain_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.name != "iana-dns-bootstrap.json")


def minimal(**fields: Any) -> dict[str, Any]:
    return {"objectClassName": "domain", "ldhName": "boutique-a.fr", **fields}


def registrant(*, card: list[list[Any]] | None = None, remarks: list[Any] | None = None) -> dict:
    entity: dict[str, Any] = {"objectClassName": "entity", "roles": ["registrant"]}
    if card is not None:
        entity["vcardArray"] = ["vcard", [["version", {}, "text", "4.0"], *card]]
    if remarks is not None:
        entity["remarks"] = remarks
    return entity


def _event_date(obj: dict[str, Any], *actions: str) -> datetime | None:
    """The date of the first event with one of `actions`, read with the standard library alone
    (a date without an offset is UTC, as the parser takes it)."""
    for event in obj.get("events", []):
        if event.get("eventAction") in actions:
            moment = datetime.fromisoformat(event["eventDate"])
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return None


def test_every_real_domain_answer_parses(real_rdap_dir: Path) -> None:
    files = domain_files(real_rdap_dir)
    readme = (real_rdap_dir / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([\w.-]+__[\w.-]+\.json) \|", readme, flags=re.MULTILINE))
    assert {path.name for path in files} == listed
    assert len(files) == DOMAIN_ANSWERS
    for path in files:
        record = read_rdap(path)
        obj = json.loads(path.read_text(encoding="utf-8"))
        assert record.domain == path.stem.split("__", 1)[1], path.name
        # Each date is the file's own event date: registration, expiration, last change (or
        # MarkMonitor's non-standard "last update"; never "last update of RDAP database").
        assert record.registered_at == _event_date(obj, "registration"), path.name
        assert record.expires_at == _event_date(obj, "expiration"), path.name
        assert record.last_changed_at == _event_date(obj, "last changed", "last update"), path.name


def test_the_bootstrap_file_is_not_a_domain_object(real_rdap_dir: Path) -> None:
    with pytest.raises(RdapError, match=r"iana-dns-bootstrap\.json: no objectClassName"):
        read_rdap(real_rdap_dir / "iana-dns-bootstrap.json")


def test_google_com_at_verisign(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "verisign-com__google.com.json")
    assert record.domain == "google.com"  # GOOGLE.COM lower-cased
    assert record.registered_at == datetime(1997, 9, 15, 4, 0, tzinfo=UTC)
    assert record.expires_at == datetime(2028, 9, 14, 4, 0, tzinfo=UTC)
    assert record.last_changed_at is None  # only "last update of RDAP database", ignored
    assert record.registrar == "MarkMonitor Inc."
    assert "server delete prohibited" in record.statuses
    assert record.registrant_redacted is None  # thin registry: no registrant entity


def test_offset_with_no_colon_and_last_update_event(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "registrar-markmonitor__google.com.json")
    assert record.registered_at == datetime(1997, 9, 15, 7, 0, tzinfo=UTC)
    assert record.last_changed_at == datetime(2019, 9, 9, 15, 39, 4, tzinfo=UTC)
    assert record.registrar == "MarkMonitor Inc."  # vCard org: there is no fn
    assert record.registrant_redacted is True


def test_norway_no_has_no_expiry(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "norid-no__norway.no.json")
    assert record.expires_at is None
    assert record.registered_at == datetime(2017, 1, 24, 12, 9, 23, tzinfo=UTC)
    assert record.statuses == ()
    assert record.registrar == "Domeneshop AS"
    assert record.registrant_redacted is None


def test_bitcoin_org_naive_dates_are_utc(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "registrar-namecheap__bitcoin.org.json")
    assert record.registered_at == datetime(2008, 8, 18, 13, 19, 55, tzinfo=UTC)
    assert record.expires_at == datetime(2029, 8, 18, 13, 19, 55, tzinfo=UTC)
    assert record.registrar == "NAMECHEAP INC"
    # Capitalised "Registrant" role; a WhoisGuard privacy proxy stands in for the holder.
    assert record.registrant_redacted is True


def test_amazon_cyou_trailing_dot_is_stripped(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "registrar-comlaude__amazon.cyou.json")
    assert record.domain == "amazon.cyou"
    assert record.registrar == "NOM-IQ Ltd dba Com Laude"
    assert record.registrant_redacted is True


def test_bitcoin_top_trailing_dot_and_cjk_registrar(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "zdns-top__bitcoin.top.json")
    assert record.domain == "bitcoin.top"
    assert record.registrar == "成都西维数码科技有限公司"
    assert record.registered_at == datetime(2014, 11, 17, 16, 0, 29, tzinfo=UTC)


def test_withheld_for_privacy_registrant_is_redacted(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "registrar-namecheap__deep.surf.json")
    assert record.registrant_redacted is True
    assert record.last_changed_at is None


def test_registrant_with_real_data_is_not_redacted(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "afnic-fr__lemonde.fr.json")
    assert record.registrant_redacted is False
    assert record.registrar == "NAMESHIELD"
    assert record.last_changed_at == datetime(2024, 6, 12, 22, 9, 39, 881923, tzinfo=UTC)
    assert "server recover prohibited" in record.statuses


@pytest.mark.parametrize(
    "name",
    [
        "flexireg-moscow__home.moscow.json",
        "registry-click__microsoft.click.json",
        "centralnic-xyz__nic.xyz.json",
        "registry-tube__you.tube.json",
    ],
)
def test_redacted_for_privacy_registrants(real_rdap_dir: Path, name: str) -> None:
    assert read_rdap(real_rdap_dir / name).registrant_redacted is True


def test_plus_three_offset_is_converted(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "flexireg-moscow__home.moscow.json")
    # "last update of RDAP database" carries the +03:00; the real events are in Z.
    assert record.last_changed_at == datetime(2023, 11, 20, 18, 36, 22, tzinfo=UTC)
    assert record.registrar == 'Limited Liability Company "Registrar of domain names REG.RU"'


def test_plus_00_00_offsets(real_rdap_dir: Path) -> None:
    record = read_rdap(real_rdap_dir / "cznic-cz__example.cz.json")
    assert record.registered_at == datetime(2004, 8, 30, 22, 55, tzinfo=UTC)
    assert record.registrar == "REG-INTERNET-CZ"  # no vCard: the handle


def test_invalid_event_date_becomes_none() -> None:
    record = parse_rdap(
        minimal(
            events=[
                {"eventAction": "registration", "eventDate": "2008-10-294T05:21:46-0700"},
                {"eventAction": "expiration", "eventDate": "2030-01-01T00:00:00Z"},
            ]
        ),
        "test",
    )
    assert record.registered_at is None
    assert record.expires_at == datetime(2030, 1, 1, tzinfo=UTC)


def test_last_changed_wins_over_last_update() -> None:
    record = parse_rdap(
        minimal(
            events=[
                {"eventAction": "last update", "eventDate": "2020-01-01T00:00:00Z"},
                {"eventAction": "last changed", "eventDate": "2021-01-01T00:00:00Z"},
            ]
        ),
        "test",
    )
    assert record.last_changed_at == datetime(2021, 1, 1, tzinfo=UTC)


def test_rfc9537_redacted_array_naming_the_registrant() -> None:
    obj = minimal(
        redacted=[
            {
                "name": {"type": "Registrant Name"},
                "prePath": "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')]",
                "method": "removal",
            }
        ]
    )
    assert parse_rdap(obj, "test").registrant_redacted is True


def test_registrar_falls_back_to_public_id() -> None:
    entity = {
        "roles": ["Registrar"],
        "publicIds": [{"type": "IANA Registrar ID", "identifier": "9"}],
    }
    assert parse_rdap(minimal(entities=[entity]), "test").registrar == "9"


def test_registrant_with_redaction_remark_is_redacted() -> None:
    remark = {"title": "REDACTED FOR PRIVACY", "description": ["Some data removed."]}
    entity = registrant(card=[["org", {}, "text", "ACME"]], remarks=[remark])
    assert parse_rdap(minimal(entities=[entity]), "test").registrant_redacted is True


def test_registrant_with_real_contact_is_not_redacted() -> None:
    entity = registrant(
        card=[["fn", {}, "text", "SARL Boutique A"], ["email", {}, "text", "a@a.fr"]]
    )
    assert parse_rdap(minimal(entities=[entity]), "test").registrant_redacted is False


def test_malformed_members_are_ignored() -> None:
    obj = minimal(
        events="not a list",
        status=["Active", 3, None],
        entities=[None, {"roles": "registrar"}, {"roles": ["registrar"], "vcardArray": ["vcard"]}],
    )
    record = parse_rdap(obj, "test")
    assert record.statuses == ("active",)
    assert record.registrar is None
    assert record.registered_at is None


def test_truncated_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "boutique-a.fr.json"
    path.write_text('{"objectClassName": "domain",\n  "ldhName": "boutique-a.f', encoding="utf-8")
    with pytest.raises(RdapError) as caught:
        read_rdap(path)
    assert str(path) in str(caught.value)
    assert "not valid JSON at line 2 column 14" in str(caught.value)


def test_json_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "boutique-a.fr.json"
    path.write_text(json.dumps([{"objectClassName": "domain"}]), encoding="utf-8")
    with pytest.raises(RdapError, match=r"boutique-a\.fr\.json: not a JSON object but an array"):
        read_rdap(path)


def test_wrong_object_class(tmp_path: Path) -> None:
    path = tmp_path / "boutique-a.fr.json"
    path.write_text(json.dumps({"objectClassName": "entity", "handle": "X"}), encoding="utf-8")
    with pytest.raises(RdapError, match="objectClassName is 'entity', not 'domain'"):
        read_rdap(path)


def test_domain_without_a_name(tmp_path: Path) -> None:
    with pytest.raises(RdapError, match="no ldhName"):
        parse_rdap({"objectClassName": "domain"}, "rdap/x.json")


def test_unreadable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "boutique-a.fr.json"
    path.write_bytes(b'{"ldhName": "\xff"}')
    with pytest.raises(RdapError, match="not UTF-8"):
        read_rdap(path)


def test_rdap_error_is_a_value_error() -> None:
    assert issubclass(RdapError, ValueError)
