"""Babel extractor for the legal text packs (templates/legal/*.toml).

Fixed legal wording (the declaration's closing, the certificates, the non-refoulement bases)
is looked up in the catalogs by its English text, so that text must be in the template.
babel.cfg maps `templates/legal/*.toml` to this function (section `[extractors]`).

Only wording a reader sees is extracted: the values of TRANSLATABLE keys (strings, or lists
of strings). Keys, citations, authorities and "as of" dates stay as written. Each message
carries a comment naming its file and key, so translators know it is legal text. The `brief`
tables are skipped: the brief is written only in English (documents/brief_texts.py).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from typing import IO, Any

TRANSLATABLE = frozenset({
    "closing", "closing_abroad", "executed", "signature_labels", "translation",
    "interpretation", "title", "text",
})
NOTE = "Legal text ({where}): translate faithfully; keep {{placeholders}} as they are."

Extracted = tuple[int, str | None, str | tuple[str, str], list[str]]


def _line_of(lines: list[str], value: str) -> int:
    probe = value[:40]
    for number, line in enumerate(lines, start=1):
        if probe and probe in line:
            return number
    return 1


def _walk(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if not path and key == "brief":
                continue  # English only: the brief is never made in another language
            if key in TRANSLATABLE:
                items = value if isinstance(value, list) else [value]
                for item in items:
                    if isinstance(item, str) and item.strip():
                        yield where, item
            else:
                yield from _walk(value, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{path}[{index}]")


def extract_legal_toml(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel extraction method: yields (lineno, funcname, message, comments)."""
    raw = fileobj.read()
    text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    data = tomllib.loads(text)
    lines = text.splitlines()
    name = getattr(fileobj, "name", "legal pack")
    short = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    for where, message in _walk(data, ""):
        yield _line_of(lines, message), None, message, [NOTE.format(where=f"{short}: {where}")]


GENDER_NOTE = ("First-person sentence, said by a {context} declarant: give the form your "
               "language uses (the same as the plain entry if it does not change).")


def extract_gendered(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel extraction method for documents/gendered.py: each string of its `MESSAGES` tuple
    once per context ("female", "male"), as pgettext entries."""
    import ast

    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "MESSAGES"
                                                 for t in node.targets)
                and isinstance(node.value, ast.Tuple)):
            for item in node.value.elts:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    for context in ("female", "male"):
                        yield (item.lineno, "pgettext", (context, item.value),
                               [GENDER_NOTE.format(context=context)])
