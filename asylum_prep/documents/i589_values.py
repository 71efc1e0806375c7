"""The values for the official Form I-589 PDF (edition 04/09/19): `{field name: str | bool}`
from the item map, in the shape a form-filling engine takes (a text field gets its text; of a
choice or yes/no, the chosen value's box gets True; a single box True or False).

The answers are read as the item-by-item sheet reads them (`build_i589_sheet.Sheet`), in
English: an answer with no current English translation, a name or place written only in
the applicant's script, or a relative's name not yet split into its parts fills nothing and
is listed instead, so the form never carries words
the team has not seen in English or Latin letters. Telephone numbers go in the form's
area-code and number fields when they have ten digits, else whole in the number field. Text
too long for its field is the engine's to continue on Supplement B; Supplement A's header is
filled when a fifth child needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from asylum_prep.documents.answers import Answers
from asylum_prep.documents.build_i589_sheet import NOT_TRANSLATED, TO_TRANSLITERATE, Sheet
from asylum_prep.domain.record import CaseRecord
from asylum_prep.i18n import Translator
from asylum_prep.legal import i589_fields_2019 as fields
from asylum_prep.legal.i589_map import items, supplement_items
from asylum_prep.legal.i589_part_a import CHILDREN_ON_FORM, NOT_SPLIT, children

# A-Numbers and Social Security Numbers: the form has a box per digit.
_DIGITS_ONLY = re.compile(r"A-Number|Social Security Number")


@dataclass
class I589Values:
    values: dict[str, str | bool] = field(default_factory=dict)
    held_back: list[str] = field(default_factory=list)  # items not filled, and why


def _phone(key: str, text: str, out: dict[str, str | bool]) -> None:
    area, number = fields.PHONES[key]
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:
        out[fields.full(area)] = digits[:3]
        out[fields.full(number)] = f"{digits[3:6]}-{digits[6:]}"
    else:
        out[fields.full(number)] = text


def field_values(record: CaseRecord, today: date | None = None) -> I589Values:
    """Every answered item's field value for the 2019 edition (see the module docstring)."""
    sheet = Sheet(Answers(record, "en", Translator("en")))
    result = I589Values()
    out = result.values
    wanted = list(items(record, today))
    if len(children(record)) > CHILDREN_ON_FORM:
        wanted += [i for i in supplement_items() if i.part == "SA"]
    for item in wanted:
        answer = item.read(record)
        if answer.blank:
            continue
        if isinstance(answer.value, bool) or item.key in fields.BOXES:
            boxes = fields.BOXES.get(item.key, {})
            if isinstance(answer.value, bool) and "on" in boxes:
                out[fields.full(boxes["on"])] = answer.value
            elif str(answer.value) in boxes:
                out[fields.full(boxes[str(answer.value)])] = True
            continue
        if any(p.lead == NOT_SPLIT for p in answer.pieces):
            result.held_back.append(f"{item.where} ({item.group}): the name is not split into "
                                    "last, first and middle names yet")
            continue
        text = sheet.text(item, answer)
        if _DIGITS_ONLY.search(item.label):  # the form's boxes take the bare digits
            text = re.sub(r"\D", "", text) or text
        if NOT_TRANSLATED in text or TO_TRANSLITERATE in text:
            why = "not translated" if NOT_TRANSLATED in text else "to transliterate"
            result.held_back.append(f"{item.where} ({item.label}): {why}")
            continue
        if item.key in fields.PHONES:
            _phone(item.key, text, out)
        elif item.key in fields.TEXT:
            out[fields.full(fields.TEXT[item.key])] = text
        elif item.key != "B.1":  # B.1 is placed by its boxes; a row past the form's own
            group = f" ({item.group})" if item.group else ""
            result.held_back.append(f"{item.where}{group} ({item.label}): no room on the "
                                    "form, continue on a supplement")
    return result


def _field_items() -> dict[str, str]:
    """Full field name -> the item it belongs to ("Part A.I, item 12 (Date of Birth)"), for
    every field the map places, on an empty case plus the supplements' headers."""
    out: dict[str, str] = {}
    for item in [*items(CaseRecord()), *supplement_items()]:
        group = f", {item.group}" if item.group else ""
        named = f"{item.where}{group} ({item.label})"
        names = [fields.TEXT.get(item.key), *fields.BOXES.get(item.key, {}).values(),
                 *fields.PHONES.get(item.key, ())]
        for name in names:
            if name:
                out.setdefault(fields.full(name), named)
    return out


ITEM_LABELS: dict[str, str] = _field_items()
# What an imported edition is checked against (services.forms): every field the map places.
KNOWN_FIELDS: tuple[str, ...] = tuple(ITEM_LABELS)


def i589_field_values(record: CaseRecord) -> I589Values:
    """The engine's input for a case: `field_values` for today."""
    return field_values(record)
