"""The brief's statement of facts: the declaration's own paragraphs, in its order, each
quoted in English and cited "Decl. ¶ N", with the exhibits that corroborate it ("Ex. B at
1–3").

Only words the declaration prints in English are quoted: the stored translation when it is
current, or words that need none (names, numbers). A paragraph whose answer has no current
translation is a Gap in a draft and, for a final brief, a path in `untranslated`, which the
render service turns into a refusal naming the questions to translate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from asylum_prep.documents.build_declaration import Declaration
from asylum_prep.documents.model import Block, Gap, NumberedParagraph, Paragraph, Quotation, Text
from asylum_prep.documents.translation_coverage import coverage
from asylum_prep.domain.record import CaseRecord


@dataclass(frozen=True)
class ExhibitRef:
    tab: str
    pages: str
    elements: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()
    page_count: int = 0  # the exhibit's own pages (0: not known)

    def cite(self) -> str:
        """"Ex. B", "Ex. B at 1", "Ex. B at 1–3" (the exhibit's own pages)."""
        if self.page_count > 1:
            return f"Ex. {self.tab} at 1\u2013{self.page_count}"
        if self.page_count == 1:
            return f"Ex. {self.tab} at 1"
        return f"Ex. {self.tab}"


@dataclass
class Facts:
    blocks: list[Block] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # answer paths, declaration order


def incident_of(path: str) -> str:
    parts = path.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["incidents", "items"] else ""


def exhibit_cites(paths: Iterable[str], exhibits: list[ExhibitRef],
                  element: str = "") -> list[str]:
    """The exhibits that corroborate an incident among `paths` (or the element), each once."""
    incidents = {incident_of(p) for p in paths} - {""}
    return list(dict.fromkeys(
        ex.cite() for ex in exhibits
        if incidents & set(ex.incidents) or (element and element in ex.elements)))


def decl_cite(numbers: Iterable[int], extra: Iterable[str] = ()) -> str:
    """"(Decl. ¶ 4; Ex. B at 1–3.)", "(Decl. ¶¶ 4, 7.)"."""
    ns = sorted(set(numbers))
    parts = []
    if ns:
        sign = "\u00b6\u00b6" if len(ns) > 1 else "\u00b6"
        parts.append(f"Decl. {sign} {', '.join(str(n) for n in ns)}")
    parts.extend(extra)
    return f"({'; '.join(parts)}.)" if parts else ""


def _paragraph_words(decl: Declaration) -> list[tuple[int, str]]:
    """(number, English words) per numbered paragraph, a quotation joined to the paragraph
    that introduces it."""
    out: list[tuple[int, str]] = []
    for b in decl.document.blocks:
        if isinstance(b, NumberedParagraph):
            out.append((b.number, " ".join(p.text for p in b.parts if p.text)))
        elif isinstance(b, Quotation) and out:
            number, words = out[-1]
            out[-1] = (number, f"{words} {b.text.text}".strip())
    return out


def statement_of_facts(record: CaseRecord, decl: Declaration, exhibits: list[ExhibitRef],
                       *, draft: bool, gap_text: str) -> Facts:
    """One quoted paragraph per declaration paragraph; `gap_text` ("Paragraph {n} ...") marks
    an untranslated one in a draft."""
    out = Facts()
    missing = coverage(record, decl).uncovered
    untranslated = {u.paragraph for u in missing}
    out.untranslated = [u.path for u in missing]
    paths_of: dict[int, list[str]] = {}
    for path, number in decl.paragraphs.items():
        paths_of.setdefault(number, []).append(path)
    for number, words in _paragraph_words(decl):
        if number in untranslated:
            if draft:
                out.blocks.append(Gap(text=Text(text=gap_text.format(n=number), lang="en")))
            continue
        cite = decl_cite([number], exhibit_cites(paths_of.get(number, ()), exhibits))
        out.blocks.append(Paragraph(parts=(Text(text=f"\u201c{words}\u201d", lang="en"),
                                           Text(text=cite, lang="en"))))
    return out
