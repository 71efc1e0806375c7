"""Records saved in an earlier format still open, through every way a record comes in, and a
record newer than the code is refused with nothing changed.

`tests/fixtures/records/case_v1.json` is a record exactly as version 1 of the app wrote it
(the shipped sample before version 2): schema_version 1 and none of version 2's fields.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import DetentionLength, Frequency, InjuryLevel
from asylum_prep.domain.journey import ArmedGroupKind, Voluntariness
from asylum_prep.domain.record import SCHEMA_VERSION, CaseRecord
from asylum_prep.domain.record_versions import LATEST, STEPS, upgrade, upgrade_json
from asylum_prep.errors import InputRefused
from asylum_prep.services import archive, cases
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseVersion
from tests.support import People

V1_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "records" / "case_v1.json"
V2_FIELDS = {
    "incidents.items": {"target_reasons", "threatened", "threat_frequency", "threat_carried_out",
                        "detention_length", "injury_level"},
    "beliefs": {"social_group_name", "group_shared_trait", "group_can_change",
                "group_should_not_change", "group_who_belongs", "group_seen_as_group",
                "group_seen_detail", "opinion_through_work", "wrongdoing_by_state", "spoke_out",
                "spoke_out_to"},
    "screening": {"armed_group_kind", "armed_group_help", "armed_group_voluntary",
                  "armed_group_duration", "harmed_others_voluntary"},
    "timing": {"changed_circumstances_date", "extraordinary_circumstances_end"},
}
PASS = "a long archive passphrase"


def v1_text() -> str:
    return V1_FILE.read_text(encoding="utf-8")


def v1_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(v1_text())
    return data


def assert_is_upgraded_v1(record: CaseRecord) -> None:
    """The version 1 story, intact, at the current version, the new answers at defaults."""
    assert record.schema_version == SCHEMA_VERSION
    assert record.about.family_name == v1_data()["about"]["family_name"]
    assert [i.id for i in record.incidents.items] == ["inc1", "inc2", "inc3", "inc4"]
    second = record.incidents.items[1]
    assert second.injuries == "None; they pushed me but I was not hurt."  # her words, kept
    for item in record.incidents.items:  # ... and no structured answer made up from them
        assert item.injury_level is InjuryLevel.unknown
        assert item.detention_length is DetentionLength.unknown
        assert item.threatened is YesNo.unknown and item.threat_frequency is Frequency.unknown
        assert item.target_reasons == []
    assert record.beliefs.opinion_through_work is YesNo.unknown
    assert record.beliefs.social_group_name == ""
    assert record.screening.armed_group_kind is ArmedGroupKind.unknown
    assert record.screening.armed_group_voluntary is Voluntariness.unknown
    assert record.timing.changed_circumstances_date is None
    assert record.element_judgments == []


def test_the_fixture_is_the_old_format() -> None:
    data = v1_data()
    assert data["schema_version"] == 1
    for where, fields in V2_FIELDS.items():
        section, _, items = where.partition(".")
        owners = data[section][items] if items else [data[section]]
        assert owners
        for owner in owners:
            assert not fields & set(owner), where
    assert "element_judgments" not in data


def test_versions_and_steps_agree() -> None:
    assert LATEST == SCHEMA_VERSION == CaseRecord().schema_version
    assert sorted(STEPS) == list(range(1, SCHEMA_VERSION))


def test_upgrade_step_by_step_changes_only_the_version() -> None:
    data = v1_data()
    before = json.dumps(data, sort_keys=True)
    upgraded = upgrade(data)
    assert json.dumps(data, sort_keys=True) == before  # the argument is not changed
    assert upgraded["schema_version"] == SCHEMA_VERSION
    assert {k: v for k, v in upgraded.items() if k != "schema_version"} == {
        k: v for k, v in data.items() if k != "schema_version"}
    assert_is_upgraded_v1(CaseRecord.model_validate(data))


def test_a_missing_version_means_version_1() -> None:
    data = v1_data()
    del data["schema_version"]
    assert upgrade(data)["schema_version"] == SCHEMA_VERSION
    assert_is_upgraded_v1(CaseRecord.model_validate_json(json.dumps(data), strict=True))


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99])
def test_a_newer_record_is_refused_with_a_clear_message(version: int) -> None:
    data = {**v1_data(), "schema_version": version}
    with pytest.raises(InputRefused) as info:
        CaseRecord.model_validate_json(json.dumps(data), strict=True)
    message = info.value.message()
    assert f"record version {version}" in message and "newer version" in message
    assert "Nothing was changed" in message


def test_a_version_below_the_first_is_refused() -> None:
    with pytest.raises(InputRefused) as info:
        CaseRecord.model_validate({"schema_version": 0})
    assert "unknown record version (0)" in info.value.message()


def test_a_current_record_passes_unchanged() -> None:
    record = CaseRecord.model_validate(v1_data())
    assert CaseRecord.model_validate_json(record.model_dump_json(), strict=True) == record
    for text in (record.model_dump_json(), record.model_dump_json(indent=2),
                 record.model_dump_json().encode()):
        assert upgrade_json(text) is text  # not parsed twice
    old = upgrade_json(v1_text())
    assert isinstance(old, str) and json.loads(old)["schema_version"] == SCHEMA_VERSION
    for broken in ("[1, 2]", '{"about": ', "", '{"schema_version": "2"}'):
        assert upgrade_json(broken) is broken  # left for the model to refuse in its words


# --- through the store (real SQLite, the record sealed as the old app sealed it) --------------

def _plant(store: Store, case_id: str, text: str, actor_id: int) -> int:
    """Store `text` as the case's next version, as an older app would have written it."""
    with store.session() as session:
        case = repo.lock_case(session, case_id)
        cipher = store.case_cipher(case)
        version = case.current_version + 1
        session.add(CaseVersion(
            case_id=case_id, version=version,
            record_enc=cipher.seal_text(f"record:{version}", text),
            summary_enc=cipher.seal_text(f"summary:{version}", json.dumps(["old app"])),
            created_by=actor_id))
        case.current_version = version
        session.add(case)
    return version


def _rows(store: Store, case_id: str) -> list[tuple[int, bytes]]:
    with store.session() as session:
        return [(r.version, r.record_enc) for r in session.exec(
            select(CaseVersion).where(CaseVersion.case_id == case_id)
            .order_by(col(CaseVersion.version)))]


def test_a_v1_record_in_the_store_opens_and_saves_as_current(
    store: Store, people: People
) -> None:
    version = _plant(store, people.case_id, v1_text(), people.attorney.id)
    opened = cases.open_case(store, people.attorney, people.case_id)
    assert opened.version == version
    assert_is_upgraded_v1(opened.record)
    assert_is_upgraded_v1(cases.view_version(store, people.attorney, people.case_id, version))
    record = opened.record.model_copy(deep=True)
    record.incidents.items[1].injury_level = InjuryLevel.none
    saved = cases.save_record(store, people.attorney, people.case_id, record=record,
                              base_version=version)
    again = cases.open_case(store, people.attorney, people.case_id).record
    assert saved == version + 1 and again.incidents.items[1].injury_level is InjuryLevel.none
    assert again.schema_version == SCHEMA_VERSION


def test_a_newer_record_in_the_store_is_refused_and_nothing_changes(
    store: Store, people: People
) -> None:
    _plant(store, people.case_id, json.dumps({**v1_data(), "schema_version": 99}),
           people.attorney.id)
    before = _rows(store, people.case_id)
    with pytest.raises(InputRefused) as info:
        cases.open_case(store, people.attorney, people.case_id)
    assert "record version 99" in info.value.message()
    record = CaseRecord()
    with pytest.raises(InputRefused):
        cases.save_record(store, people.attorney, people.case_id, record=record,
                          base_version=before[-1][0])
    assert _rows(store, people.case_id) == before
    with store.session() as session:
        assert session.get(Case, people.case_id).current_version == before[-1][0]  # type: ignore[union-attr]


# --- through an archive ------------------------------------------------------------------------

def _archive_with(store: Store, people: People, tmp_path: Path, text: str) -> bytes:
    """A sealed archive of the case whose every version holds `text` (an older app's export:
    the records are written as that app wrote them)."""
    out = tmp_path / "case.apa"
    archive.export_case(store, people.attorney, people.case_id, out=out, passphrase=PASS)
    with tarfile.open(fileobj=io.BytesIO(archive.open_sealed(out.read_bytes(), PASS)),
                      mode="r:gz") as tar:
        members = {m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
                   for m in tar.getmembers()}
    for name in members:
        if name.startswith("versions/"):
            members[name] = text.encode("utf-8")
    payload = io.BytesIO()
    with tarfile.open(fileobj=payload, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return archive.seal_bytes(payload.getvalue(), PASS)


def _case_ids(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(c.id for c in session.exec(select(Case)))


def test_a_v1_archive_imports(store: Store, people: People, tmp_path: Path) -> None:
    sealed = _archive_with(store, people, tmp_path, v1_text())
    summary = archive.import_case(store, people.attorney, data=sealed, passphrase=PASS)
    assert_is_upgraded_v1(cases.open_case(store, people.attorney, summary.case_id).record)


def test_a_newer_archive_is_refused_and_nothing_is_imported(
    store: Store, people: People, tmp_path: Path
) -> None:
    sealed = _archive_with(store, people, tmp_path,
                           json.dumps({**v1_data(), "schema_version": 99}))
    before = _case_ids(store)
    with pytest.raises(InputRefused) as info:
        archive.import_case(store, people.attorney, data=sealed, passphrase=PASS)
    assert "record version 99" in info.value.message()
    assert _case_ids(store) == before
