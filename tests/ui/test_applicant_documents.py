"""The applicant attaches evidence from her own pages (AppTest, real store, real cleaning):
a phone photo with GPS on the incident screen is cleaned, she is told the location was
removed, and the item is linked to the incident; a refused file shows why and changes nothing;
her home lists what she attached without showing the file until she asks."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image
from streamlit.testing.v1 import AppTest

from asylum_prep.services import answers, cases, translations
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import html_bodies, texts


def phone_photo() -> bytes:
    """A JPEG as a phone writes it: GPS position, camera make and a serial number."""
    img = Image.new("RGB", (320, 240), (200, 180, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    ifd = exif.get_ifd(0x8769)
    ifd[0xA431] = "SERIAL-12345"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (35.0, 41.0, 22.0)
    gps[3] = "E"
    gps[4] = (51.0, 23.0, 18.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the GPS is really there
    return data


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _incident_screen(make_app: Any, store: Store, people: People) -> tuple[AppTest, str]:
    item_id, _ = answers.add_item(store, people.applicant, people.case_id,
                                  list_path="incidents.items",
                                  base_version=_version(store, people))
    where = {f"{people.case_id}:{people.applicant.id}": {
        "section": "incidents", "screen": "incidents.items", "item_id": item_id,
        "item_field": "evidence_note"}}
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.WIZARD_POS: where})
    at.run()
    at.switch_page(BY_ID["story"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at, item_id


def test_photo_on_the_incident_screen_is_cleaned_and_linked(make_app: Any, people: People,
                                                            seed_store: Store) -> None:
    at, item_id = _incident_screen(make_app, seed_store, people)
    assert "Attach a photo or document" in [s.value for s in at.subheader]
    # the uploader's own English is hidden behind translated text
    css = "\n".join(html_bodies(at))
    assert f".st-key-{state.W_AD_UPLOAD_PREFIX}{item_id}_0" in css
    assert "stFileUploaderDropzoneInstructions" in css
    uploader = at.get("file_uploader")[0]
    uploader.set_value(("IMG_2041.jpg", phone_photo(), "image/jpeg")).run()
    at.text_input(key=state.W_AD_TITLE_PREFIX + item_id).input("Summons letter")
    at.button(key=state.W_AD_ADD_PREFIX + item_id).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert any("Your document was added" in s.value for s in at.success)
    assert "Location removed." in [i.value for i in at.info]

    _, items = ev.list_evidence(seed_store, people.attorney, people.case_id)
    assert len(items) == 1
    item = items[0]
    assert item.incidents == [item_id] and item.title == "Summons letter"
    assert item.added_by == people.applicant.id and "Location removed." in item.removed
    stored, _ = ev.get_evidence_file(seed_store, people.attorney, people.case_id, item.id)
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get_ifd(0x8825) and b"SERIAL-12345" not in stored
    assert b"PhoneMaker" not in stored
    # the uploader was emptied for the next file
    assert at.get("file_uploader")[0].key == f"{state.W_AD_UPLOAD_PREFIX}{item_id}_1"
    assert "1 document is attached to this event." in texts(at)


def test_refused_file_shows_the_reason_and_changes_nothing(make_app: Any, people: People,
                                                           seed_store: Store) -> None:
    at, item_id = _incident_screen(make_app, seed_store, people)
    before = _version(seed_store, people)
    uploader = at.get("file_uploader")[0]
    uploader.set_value(("photo.jpg", b"<html><script>alert(1)</script></html>",
                        "image/jpeg")).run()
    at.button(key=state.W_AD_ADD_PREFIX + item_id).click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert any("web page" in e for e in errors), errors
    assert "Nothing was added. You can try another file." in texts(at)
    assert _version(seed_store, people) == before
    assert ev.list_evidence(seed_store, people.attorney, people.case_id)[1] == []


def test_home_lists_her_documents_without_showing_them(make_app: Any, people: People,
                                                       seed_store: Store) -> None:
    ev.add_evidence(seed_store, people.applicant, people.case_id, data=phone_photo(),
                    filename="IMG_1.jpg", title="Photo of my arm",
                    base_version=_version(seed_store, people))
    ev.add_evidence(seed_store, people.paralegal, people.case_id, data=phone_photo(),
                    filename="x.jpg", title="Added by the team",
                    base_version=_version(seed_store, people))
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Your documents" in [s.value for s in at.subheader]
    assert "Photo of my arm" in [x.value for x in at.text]
    assert "Added by the team" not in texts(at)
    assert "Location removed." in texts(at)
    assert not at.get("image")  # the picture is not shown until she asks
    shows = [tg for tg in at.toggle if (tg.key or "").startswith(state.W_AD_SHOW_PREFIX)]
    assert len(shows) == 1
    shows[0].set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [img.alt for shown in at.get("image") for img in shown.proto.imgs] == [
        "Photo of my arm"]  # named for a screen reader by her own title
    # add one more from home: a text file
    at.get("file_uploader")[0].set_value(("note.txt", b"They came at night.",
                                          "text/plain")).run()
    at.button(key=state.W_AD_ADD_PREFIX + "home").click().run()
    assert any("Your document was added" in s.value for s in at.success)
    titles = [x.value for x in at.text]
    assert "note" in titles and "Photo of my arm" in titles


def test_applicant_picks_her_answer_language_before_answering(make_app: Any, people: People,
                                                              seed_store: Store) -> None:
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id})
    at.run()
    at.selectbox(key=state.W_AD_ANSWER_LANGUAGE).set_value("fa")
    at.button(key=state.W_AD_ANSWER_LANGUAGE_SAVE).click().run()
    assert not at.exception, [e.value for e in at.exception]
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.filing.answer_language == "fa"
    answers.save_answer(seed_store, people.applicant, people.case_id, path="fear.who",
                        value="مأموران", base_version=_version(seed_store, people))
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id})
    at.run()
    assert not any(s.key == state.W_AD_ANSWER_LANGUAGE for s in at.selectbox)
    assert translations.text_answers(
        cases.open_case(seed_store, people.attorney, people.case_id).record)


def test_her_answer_language_defaults_to_the_language_of_her_screen(
        make_app: Any, people: People, seed_store: Store) -> None:
    """Joined in Persian, before writing anything: the case takes Persian as her answer
    language; her home page then offers it. Nothing written yet in English either way."""
    from asylum_prep.services import invites

    code = invites.create_invite(seed_store, people.attorney, people.case_id)
    at = make_app().run()
    at.selectbox(key=state.W_LANG).select("fa").run()
    at.switch_page(BY_ID["join"].script).run()
    at.text_input(key=state.W_JOIN_CODE).input(code)
    at.text_input(key=state.W_JOIN_PASSWORD).input("a long enough password")
    at.text_input(key=state.W_JOIN_PASSWORD2).input("a long enough password")
    at.button(key=state.W_JOIN_SUBMIT).click().run()
    assert not at.exception, [e.value for e in at.exception]
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.filing.answer_language == "fa"


def test_the_picker_offers_the_screen_language_while_the_case_has_the_default(
        make_app: Any, people: People, seed_store: Store) -> None:
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.LANG: "ar"})
    at.run()
    assert at.selectbox(key=state.W_AD_ANSWER_LANGUAGE).value == "ar"
    assert cases.open_case(seed_store, people.attorney, people.case_id) \
        .record.filing.answer_language == "en"  # offered, not saved until she saves it
    # A language the team chose is offered as it is.
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    translations.set_answer_language(seed_store, people.attorney, people.case_id,
                                     language="ps", base_version=version)
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.LANG: "ar"})
    at.run()
    assert at.selectbox(key=state.W_AD_ANSWER_LANGUAGE).value == "ps"
