"""Notices that count something read in the form the number needs, in the reader's language
("1 control character ... was left out", Russian "1 управляющий символ", "3 ... символа")."""

from __future__ import annotations

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents.model import Document, Notice, NumberedParagraph, Text, plural
from asylum_prep.i18n import translator


def _dropped(text: str) -> Notice:
    doc = Document(title="t", blocks=(
        NumberedParagraph(number=1, parts=(Text(text=text, lang="en"),)),))
    _data, notices = docx_renderer.render(doc)
    [notice] = notices
    return notice


def test_a_docx_notice_counts_in_the_form_the_number_needs() -> None:
    one, three = _dropped("bell\x07 here"), _dropped("\x01\x02\x03 three")
    assert one.message() == "1 control character could not be stored in DOCX and was left out."
    assert three.message() == ("3 control characters could not be stored in DOCX and were left "
                               "out.")
    assert one.message(translator("en")) == one.message()
    ru = translator("ru")
    assert one.message(ru).startswith("1 управляющий символ нельзя сохранить в DOCX")
    assert three.message(ru).startswith("3 управляющих символа нельзя сохранить в DOCX")
    assert three.message(translator("fa")).startswith("۳ ")  # Persian digits
    assert "تعذّر حفظ حرف تحكم واحد" in one.message(translator("ar"))


def test_a_counted_notice_read_by_a_plain_callable_is_english() -> None:
    notice = Notice.counted(plural("{n} outside resource was refused while making the PDF.",
                                   "{n} outside resources were refused while making the PDF."), 2)
    assert notice.message(str) == "2 outside resources were refused while making the PDF."
    assert notice.params == {"n": "2"} and notice.plural.startswith("{n} outside resources")
