"""The catalog checks themselves catch what they claim to: a planted bad catalog fails each
one, a good one passes (so a green catalog test means something)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from asylum_prep import i18n
from tests.unit.i18n import checks

POT = textwrap.dedent('''\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=utf-8\\n"

    msgid "Hello {name}."
    msgstr ""

    msgid "Plain"
    msgstr ""

    msgid "{n} file"
    msgid_plural "{n} files in {case}"
    msgstr[0] ""
    msgstr[1] ""
    ''')

HEAD = '''\
# Review-State: {state}
msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: {plural}\\n"

'''
AR_PLURAL = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
             ": n%100>=11 ? 4 : 5);")


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "messages.pot").write_text(POT, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    monkeypatch.setattr(checks, "POT", tmp_path / "messages.pot")
    checks.template.cache_clear()
    checks.catalog.cache_clear()
    yield tmp_path
    checks.template.cache_clear()
    checks.catalog.cache_clear()


def _write(root: Path, lang: str, body: str, *, state: str = "machine-assisted",
           plural: str = AR_PLURAL) -> None:
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    head = HEAD.format(state=state, lang=lang, plural=plural)
    (folder / "messages.po").write_text(head + textwrap.dedent(body), encoding="utf-8")
    checks.catalog.cache_clear()


GOOD_AR = '''\
    msgid "Hello {name}."
    msgstr "مرحبا {name}."

    msgid "Plain"
    msgstr "عادي"

    msgid "{n} file"
    msgid_plural "{n} files in {case}"
    msgstr[0] "لا ملفات في {case}"
    msgstr[1] "ملف واحد في {case}"
    msgstr[2] "ملفان في {case}"
    msgstr[3] "{n} ملفات في {case}"
    msgstr[4] "{n} ملفًا في {case}"
    msgstr[5] "{n} ملف في {case}"
    '''


def test_a_good_arabic_catalog_passes(locales: Path) -> None:
    _write(locales, "ar", GOOD_AR)
    for name, check in checks.CHECKS.items():
        assert check("ar") == [], name
    status = i18n.catalog_status("ar")
    assert (status.translated, status.total, status.review_state) == (3, 3, "machine-assisted")


def test_each_defect_is_caught(locales: Path) -> None:
    bad = GOOD_AR.replace('msgstr "عادي"', 'msgstr ""').replace(
        'msgstr "مرحبا {name}."', 'msgstr "مرحبا {nom}."')
    bad = bad.replace('    msgstr[5] "{n} ملف في {case}"\n', "")
    _write(locales, "ar", bad, state="someday", plural="nplurals=2; plural=(n != 1);")
    assert checks.fuzzy_or_empty("ar") == ["empty: 'Plain'"]
    assert any("{name}" in p or "'name'" in p for p in checks.placeholders("ar"))
    problems = checks.header("ar")
    assert any("Review-State" in p for p in problems)
    assert any("nplurals=2" in p for p in problems)
    assert checks.msgfmt("ar")  # msgfmt: plural forms disagree with the header


def test_missing_and_fuzzy_are_caught(locales: Path) -> None:
    _write(locales, "fa", '''\
        #, fuzzy
        msgid "Hello {name}."
        msgstr "سلام {name}."

        msgid "{n} file"
        msgid_plural "{n} files in {case}"
        msgstr[0] "{n} پرونده"
        ''', plural="nplurals=1; plural=0;")
    assert checks.missing("fa") == ["missing: 'Plain'"]
    assert checks.fuzzy_or_empty("fa") == ["fuzzy: 'Hello {name}.'"]
    assert checks.placeholders("fa")  # {case} dropped from the only form


def test_review_state_read_from_comment_or_field() -> None:
    assert i18n.review_state("# Review-State: reviewed-by-native-speaker\nmsgid \"\"\n") == (
        "reviewed-by-native-speaker")
    field = 'msgid ""\nmsgstr ""\n"Review-State: machine-assisted\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    assert i18n.review_state(field) == "machine-assisted"
    assert i18n.review_state('msgid ""\nmsgstr ""\n\nmsgid "Review-State: x"\n') == "unknown"
