"""Every catalog is complete and well-formed, and the template matches the sources.

For each language of `i18n.SUPPORTED` except English: every template message is present, none
is fuzzy or empty, `{placeholders}` are kept (plural forms too), the header has a
`Review-State:` and as many plural forms as Babel's rules for the language (Arabic six), and
`msgfmt --check` accepts the file. These fail until the translators finish; that is the point.
`python -m tests.unit.i18n.checks` prints the counts per language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from asylum_prep.i18n import po_path
from tests.unit.i18n import checks

LANGS = checks.LANGS


def _fail_if(problems: list[str], lang: str, what: str) -> None:
    if problems:
        shown = "\n  ".join(problems[:15])
        more = f"\n  ... and {len(problems) - 15} more" if len(problems) > 15 else ""
        pytest.fail(f"{lang}: {len(problems)} {what}:\n  {shown}{more}", pytrace=False)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_exists(lang: str) -> None:
    assert po_path(lang).is_file(), f"no catalog for {lang}: run `make update`"


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_missing(lang: str) -> None:
    if not po_path(lang).is_file():
        pytest.fail(f"no catalog for {lang}")
    _fail_if(checks.missing(lang), lang, "template messages missing (run `make update`)")


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_or_empty_entry(lang: str) -> None:
    if not po_path(lang).is_file():
        pytest.fail(f"no catalog for {lang}")
    _fail_if(checks.fuzzy_or_empty(lang), lang, "fuzzy or empty entries")


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_kept(lang: str) -> None:
    if not po_path(lang).is_file():
        pytest.fail(f"no catalog for {lang}")
    _fail_if(checks.placeholders(lang), lang, "broken placeholders")


@pytest.mark.parametrize("lang", LANGS)
def test_header_review_state_and_plural_forms(lang: str) -> None:
    if not po_path(lang).is_file():
        pytest.fail(f"no catalog for {lang}")
    _fail_if(checks.header(lang), lang, "header problems")


@pytest.mark.parametrize("lang", LANGS)
def test_msgfmt_check(lang: str) -> None:
    if not Path(checks.MSGFMT).exists():
        pytest.fail("msgfmt not found: `make test` installs Debian's gettext")
    if not po_path(lang).is_file():
        pytest.fail(f"no catalog for {lang}")
    _fail_if(checks.msgfmt(lang), lang, "msgfmt --check errors")


def test_template_is_up_to_date() -> None:
    """Nobody adds a user-facing string without it reaching the translators: extracting the
    sources now gives exactly the template's messages."""
    fresh = checks.fresh_template_ids()
    stored = {checks.key_of(m) for m in checks.template() if m.id}
    assert len(fresh) > 1000
    new, gone = sorted(fresh - stored), sorted(stored - fresh)
    assert not new and not gone, (
        f"locales/messages.pot is stale (run `make extract`, then `make update`): "
        f"{len(new)} new, e.g. {new[:5]}; {len(gone)} gone, e.g. {gone[:5]}"
    )


def test_template_placeholders_are_well_formed() -> None:
    for message in checks.template():
        if not message.id:
            continue
        for text in [message.id] if isinstance(message.id, str) else message.id:
            checks.fields(text)  # raises ValueError on unbalanced braces
