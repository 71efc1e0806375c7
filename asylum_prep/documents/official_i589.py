"""The official Form I-589 filled from a case (`--doc i589`): the imported edition, the item
map's values (`i589_values`), Supplement B pages for what did not fit, and notices for the
team. Pure: the form's bytes come from `services.forms.prepared_form`.

Notices (counts and item labels, never answer text): answers continued on the supplement
pages; answers not in Latin script, which the form requires, left empty for the team to
transliterate; items this edition has no field for (or no such box), which the item-by-item
sheet still has.
"""

from __future__ import annotations

import io

import pikepdf

from asylum_prep.documents.form_supplement import ContinuedItem, append_pages, supplement_pages
from asylum_prep.documents.i589_values import ITEM_LABELS, i589_field_values
from asylum_prep.documents.model import Notice, plural
from asylum_prep.documents.pdf_form_fields import inventory
from asylum_prep.documents.pdf_form_fill import fill
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_

CONTINUED = plural(
    "{n} answer did not fit its box on the form and continues on the Supplement B page "
    "at the end: {items}.",
    "{n} answers did not fit their boxes on the form and continue on the Supplement B pages "
    "at the end: {items}.")
NOT_LATIN = plural(
    "{n} answer is not written in Latin letters, as the form requires, and was left empty: "
    "{items}. Enter it transliterated in the case.",
    "{n} answers are not written in Latin letters, as the form requires, and were left "
    "empty: {items}. Enter them transliterated in the case.")
UNPLACED = plural(
    "{n} item could not be placed on this edition of the form: {items}. The item-by-item "
    "sheet has it.",
    "{n} items could not be placed on this edition of the form: {items}. The item-by-item "
    "sheet has them.")

HELD_BACK = N_("Left off the form for the team to settle first (not translated, not in Latin "
                "letters, a name not split, or no room on the form): {items}.")


def _labels(form_pdf: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(form_pdf)) as pdf:
        return {f.name: f.label for f in inventory(pdf)}


def _notice(forms: tuple[str, str], labels: list[str]) -> Notice:
    items = list(dict.fromkeys(labels))
    return Notice(template=forms[0], plural=forms[1],
                  params={"n": str(len(items)), "items": "; ".join(items)})


def build_i589(record: CaseRecord, *, form_pdf: bytes) -> tuple[bytes, list[Notice]]:
    """The filled form, with its continuation pages appended when needed, and the notices."""
    wanted = i589_field_values(record)
    result = fill(form_pdf, wanted.values)
    tooltips: dict[str, str] = {}

    def label(name: str) -> str:
        if name in ITEM_LABELS:
            return ITEM_LABELS[name]
        if not tooltips:
            tooltips.update(_labels(form_pdf))
        return tooltips.get(name) or name

    notices: list[Notice] = []
    content = result.pdf_bytes
    if result.overflow:
        about = record.about
        items = [ContinuedItem(label(name), text) for name, text in result.overflow]
        pages = supplement_pages(items, name=" ".join(
            p for p in (about.given_names, about.family_name) if p), a_number=about.a_number)
        content = append_pages(content, pages)
        notices.append(_notice(CONTINUED, [i.label for i in items]))
    not_latin = [label(n) for n, reason in result.not_filled if reason == "not_latin"]
    if not_latin:
        notices.append(_notice(NOT_LATIN, not_latin))
    unplaced = [*result.unknown_fields,
                *(n for n, reason in result.not_filled if reason != "not_latin")]
    if unplaced:
        notices.append(_notice(UNPLACED, [ITEM_LABELS.get(n, n) for n in unplaced]))
    if wanted.held_back:
        notices.append(Notice(template=HELD_BACK, params={"items": "; ".join(wanted.held_back)}))
    return content, notices
