"""The edited declaration (domain/declaration.py) to and from the declaration's blocks.

`generated` turns the generated declaration (in the applicant's language and in English, the
same builder over the same answers, so the paragraphs line up) into the editable paragraphs:
headings, numbered paragraphs and quotations, each with the answers it came from and their
values now. Its ids are derived from the answers and the place, so the same answers give the
same ids until the team saves a first edit.

`blocks` draws an edited declaration in one language, numbering paragraphs as they stand.
A wording that is not a current translation prints the written wording with a flag (and a
notice); a draft also flags the team's own wording not yet confirmed and paragraphs whose
answers changed since they were written.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from asylum_prep.documents.model import (
    Block,
    Heading,
    Notice,
    NumberedParagraph,
    Quotation,
    Text,
    joiner,
)
from asylum_prep.domain import declaration as ed
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator


def current_values(record: CaseRecord, paths: set[str]) -> dict[str, str]:
    """Answer path -> its value now, as the edited declaration compares them."""
    return {p: ed.answer_value(get_path(record, p)) for p in paths}


def source_paths(decl: ed.EditedDeclaration) -> set[str]:
    return {s for p in decl.paragraphs for s in p.sources}


def _words(parts: tuple[Text, ...], lang: str) -> str:
    return joiner(lang).join(t.text.strip() for t in parts if t.text.strip())


def _content(blocks: tuple[Block, ...]) -> list[tuple[ed.Kind, str, Text | None, tuple[str, ...]]]:
    out: list[tuple[ed.Kind, str, Text | None, tuple[str, ...]]] = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append((ed.Kind.heading, b.text.text, None, ()))
        elif isinstance(b, NumberedParagraph):
            out.append((ed.Kind.paragraph, _words(b.parts, b.parts[0].lang if b.parts else "en"),
                        b.flag, b.sources))
        elif isinstance(b, Quotation):
            out.append((ed.Kind.quote, b.text.text, b.flag, b.sources))
    return out


def generated(record: CaseRecord, *, jurisdiction: str) -> ed.EditedDeclaration:
    """The generated declaration as editable paragraphs (nothing stored)."""
    from asylum_prep.documents.build_declaration import build_declaration

    src = record.filing.answer_language or "en"
    langs = (src,) if src == "en" else (src, "en")
    content = {lang: _content(build_declaration(record, jurisdiction=jurisdiction, lang=lang,
                                                draft=False).document.blocks)
               for lang in langs}
    seen: Counter[str] = Counter()
    paragraphs: list[ed.Paragraph] = []
    for i, (kind, text, _, sources) in enumerate(content[src]):
        key = f"{kind.value}|{','.join(sources)}"
        seen[key] += 1
        pid = "g" + hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()[:15]
        texts = {src: ed.Wording(text=text)}
        if src != "en":
            _, en_text, en_flag, _ = content["en"][i]
            texts["en"] = ed.Wording(text=en_text,
                                     basis_sha256="" if en_flag is not None else ed.sha(text))
        # an item's own fields name its answers better than the whole item does
        narrow = {s for s in sources if not any(o.startswith(s + ".") for o in sources)}
        paragraphs.append(ed.Paragraph(
            id=pid, kind=kind, texts=texts, written_in=src,
            sources={s: ed.answer_value(get_path(record, s)) for s in sources if s in narrow}))
    return ed.EditedDeclaration(language=src, paragraphs=paragraphs)


@dataclass
class Drawn:
    blocks: list[Block] = field(default_factory=list)
    paths: dict[str, int] = field(default_factory=dict)  # answer path -> paragraph number
    ids: dict[str, int] = field(default_factory=dict)  # paragraph id -> number
    uncovered: list[tuple[str, str, int]] = field(default_factory=list)  # path, status, number


_NOT_CURRENT = {
    # (the written language is the applicant's, this wording is missing/stale)
    ("applicant", "missing"): N_("[Not translated: the applicant's own words are printed.]"),
    ("applicant", "stale"): N_(
        "[Translation out of date: the applicant's own words are printed.]"),
    ("team", "missing"): N_(
        "[Not yet translated into this language: the legal team's words are printed.]"),
    ("team", "stale"): N_(
        "[Not yet translated into this language: the legal team's words are printed.]"),
}
TEAM_WORDING = N_("[The legal team's wording, not yet confirmed by the applicant.]")
SOURCE_CHANGED = N_("[An answer this paragraph comes from has changed since it was written.]")


def blocks(decl: ed.EditedDeclaration, record: CaseRecord, *, lang: str, fixed_lang: str,
           t: Translator, draft: bool, notices: list[Notice]) -> Drawn:
    """The edited paragraphs as document blocks in `lang`."""
    out = Drawn()
    numbers = ed.numbers(decl)
    current = current_values(record, source_paths(decl))
    for p in decl.paragraphs:
        status = p.translation_status(lang) if lang in decl.languages() else "missing"
        words, wlang = (p.text(lang), lang) if status == "current" else (
            p.text(p.written_in), p.written_in)
        flags: list[str] = []
        number = numbers.get(p.id, 0)
        if status != "current":
            who = "applicant" if p.written_in == decl.language else "team"
            flags.append(t(_NOT_CURRENT[(who, status)]))
            notices.append(Notice(
                template=N_("Paragraph {number} has no current translation into {lang}; the "
                            "words it was written in are printed."),
                params={"number": str(number), "lang": lang}))
            if lang == "en":
                first = next(iter(p.sources), "")
                out.uncovered.append((first, status, number))
        state = ed.state(decl, p, current)
        if draft and p.team_wording and state is not ed.State.confirmed:
            flags.append(t(TEAM_WORDING))
        if draft and state is ed.State.source_changed:
            flags.append(t(SOURCE_CHANGED))
        flag = Text(text=" ".join(flags), lang=fixed_lang) if flags else None
        text = Text(text=words, lang=wlang)
        if p.kind is ed.Kind.heading:
            out.blocks.append(Heading(text=text))
            continue
        for path in p.sources:
            out.paths.setdefault(path, number)
        if p.id in numbers:
            out.ids[p.id] = number
        if p.kind is ed.Kind.quote:
            out.blocks.append(Quotation(text=text, sources=tuple(p.sources), flag=flag))
        else:
            out.blocks.append(NumberedParagraph(number=number, parts=(text,),
                                                sources=tuple(p.sources), flag=flag))
    return out
