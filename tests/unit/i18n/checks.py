"""Catalog checks shared by the tests and by translators.

    .venv/bin/python -m tests.unit.i18n.checks          # a table: problems per language
    .venv/bin/python -m tests.unit.i18n.checks fa -v    # and each problem of Persian

Each check returns a list of problems (strings); an empty list means the check passes.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from asylum_prep.i18n import (
    BABEL_LOCALES,
    DEFAULT,
    LOCALES_DIR,
    REVIEW_STATES,
    SUPPORTED,
    po_path,
    review_state,
)

ROOT = LOCALES_DIR.parent
POT = LOCALES_DIR / "messages.pot"
LANGS = [code for code in SUPPORTED if code != DEFAULT]
MSGFMT = shutil.which("msgfmt") or "/usr/bin/msgfmt"
KEYWORDS = ["-k", "N_", "-k", "t", "-k", "plural:1,2"]


def key_of(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def forms(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string or ())


@lru_cache(maxsize=1)
def template() -> Catalog:
    with POT.open("rb") as fh:
        return read_po(fh)


@lru_cache(maxsize=32)
def catalog(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=BABEL_LOCALES.get(lang, lang))


def fields(text: str) -> set[str]:
    """The named placeholders of a `str.format` template; raises ValueError on bad braces."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def missing(lang: str) -> list[str]:
    have = {key_of(m) for m in catalog(lang) if m.id}
    return [f"missing: {key_of(m)!r}" for m in template() if m.id and key_of(m) not in have]


def fuzzy_or_empty(lang: str) -> list[str]:
    wanted = {key_of(m) for m in template() if m.id}
    out = []
    for m in catalog(lang):
        if not m.id or key_of(m) not in wanted:
            continue
        if m.fuzzy:
            out.append(f"fuzzy: {key_of(m)!r}")
        elif not all(forms(m)) or not forms(m):
            out.append(f"empty: {key_of(m)!r}")
    return out


def placeholders(lang: str) -> list[str]:
    """A translation keeps the msgid's `{placeholders}`: the same set for a plain message; for
    a plural, every form uses only the msgids' names and all of them except `{n}` (a form for
    one or two may spell the number out)."""
    out = []
    for m in catalog(lang):
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        try:
            wanted = set().union(*(fields(i) for i in ids))
        except ValueError:
            continue  # a broken msgid is the template test's business
        for text in (f for f in forms(m) if f):
            try:
                got = fields(text)
            except ValueError:
                out.append(f"unbalanced braces: {key_of(m)!r} -> {text!r}")
                continue
            ok = got <= wanted and (wanted - {"n"}) <= got if m.pluralizable else got == wanted
            if not ok:
                out.append(f"placeholders {sorted(got)} != {sorted(wanted)}: {key_of(m)!r}")
    return out


def header(lang: str) -> list[str]:
    out = []
    text = po_path(lang).read_text(encoding="utf-8")
    state = review_state(text)
    if state not in REVIEW_STATES:
        out.append(f"header has no 'Review-State:' of {' | '.join(REVIEW_STATES)}")
    cat = catalog(lang)
    expected = get_plural(BABEL_LOCALES.get(lang, lang)).num_plurals
    if cat.num_plurals != expected:
        out.append(f"Plural-Forms nplurals={cat.num_plurals}, Babel's rules say {expected}")
    if "Plural-Forms:" not in "".join(text.split('\nmsgid "', 2)[:2]):
        out.append("header has no Plural-Forms")
    for m in cat:
        if m.id and m.pluralizable and any(forms(m)) and len(forms(m)) != expected:
            out.append(f"{len(forms(m))} plural forms instead of {expected}: {key_of(m)!r}")
    return out


def msgfmt(lang: str) -> list[str]:
    done = subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(po_path(lang))],
        capture_output=True, text=True, check=False,
    )
    return [] if done.returncode == 0 else done.stderr.strip().splitlines() or ["msgfmt failed"]


def fresh_template_ids() -> set[str]:
    """Extract the sources now (same config as `make extract`) and return the msgids."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "fresh.pot"
        CommandLineInterface().run([
            "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS,
            "--no-location", "-o", str(out), str(ROOT),
        ])
        with out.open("rb") as fh:
            return {key_of(m) for m in read_po(fh) if m.id}


CHECKS: dict[str, Callable[[str], list[str]]] = {
    "missing": missing, "fuzzy/empty": fuzzy_or_empty, "placeholders": placeholders,
    "header": header, "msgfmt": msgfmt,
}


def report(langs: list[str], verbose: bool = False) -> str:
    total = sum(1 for m in template() if m.id)
    lines = [f"{'lang':8} {'translated':>14} " + " ".join(f"{c:>12}" for c in CHECKS)]
    for lang in langs:
        if not po_path(lang).exists():
            lines.append(f"{lang:8} {'no catalog':>14}")
            continue
        found = {name: check(lang) for name, check in CHECKS.items()}
        bad = {p.split(": ", 1)[-1] for p in found["missing"] + found["fuzzy/empty"]}
        done = total - len(bad)
        lines.append(f"{lang:8} {done:>6}/{total:<7} " +
                     " ".join(f"{len(v):>12}" for v in found.values()))
        if verbose:
            lines += [f"    {name}: {p}" for name, v in found.items() for p in v]
    return "\n".join(lines)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    print(report(args or LANGS, verbose="-v" in sys.argv))
