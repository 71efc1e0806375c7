"""The gate before a final declaration or brief: no open consistency flag.

A decision-maker reads contradictions as lies, so a document meant for filing is refused
while any flag (legal.consistency) is neither resolved nor dismissed with a reason by an
attorney. The refusal names each flag and the answers to look at, in the reader's language. A
draft is always allowed: it carries a DRAFT watermark on every page. A final brief is also
refused while an answer it quotes has no current English translation (`refuse_untranslated`).

Once the team edits the declaration (services/declaration.py), a final declaration, a final
brief and both certificates are made only from a version the applicant confirmed as it reads
now (`refuse_unconfirmed`); a draft declaration or brief is still made, marked DRAFT.
"""

from __future__ import annotations

from collections.abc import Callable

from asylum_prep.domain import declaration as ed
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.errors import N_, InputRefused
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.legal import consistency

GATED = {"declaration": N_("declaration"), "brief": N_("brief")}


def _fmt(translate: Callable[[str], str] | None) -> Callable[..., str]:
    def fmt(template: str, **params: object) -> str:
        text = translate(template) if translate else template
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return template.format(**params)
    return fmt


def check_final(record: CaseRecord, doc: str, *,
                translate: Callable[[str], str] | None = None) -> None:
    """Refuse a final (non-draft) declaration or brief while consistency flags are open."""
    if doc not in GATED:
        return
    open_flags = [f for f in consistency.check(record) if not f.dismissed]
    if not open_flags:
        return
    t = _fmt(translate)
    items = []
    for n, flag in enumerate(open_flags, start=1):
        where = ", ".join(dict.fromkeys(answer_label(record, p).text(t) for p in flag.places))
        items.append(t(N_("{n}. {message} (look at: {where})"), n=n,
                       message=t(flag.template, **dict(flag.params)), where=where))
    raise InputRefused(
        N_("A final {document} cannot be made while consistency flags are open. Fix the "
           "answers, or have an attorney dismiss each flag with a reason on the case overview "
           "(Consistency); or make a draft, which is marked DRAFT. Open flags: {flags}"),
        document=t(GATED[doc]), flags=" ".join(items))


def refuse_untranslated(record: CaseRecord, paths: list[str], *,
                        translate: Callable[[str], str] | None = None) -> None:
    """Refuse a final brief that would quote answers with no current English translation,
    naming each by its wizard question."""
    t = _fmt(translate)
    where = "; ".join(dict.fromkeys(answer_label(record, p).text(t) for p in paths))
    raise InputRefused(
        N_("A final brief cannot be made until these answers have a current English "
           "translation: {questions}. Or make a draft, which shows them as gaps."),
        questions=where)


CONFIRMED_FIRST = frozenset({"declaration", "brief", "translation-certificate",
                             "interpretation-certificate"})


def refuse_unconfirmed(record: CaseRecord, edited: ed.EditedDeclaration | None, doc: str, *,
                       draft: bool) -> None:
    """Refuse a final declaration or brief, or a certificate, from an edited declaration the
    applicant has not confirmed as it reads now (certificates have no draft)."""
    if edited is None or doc not in CONFIRMED_FIRST:
        return
    if draft and doc in ("declaration", "brief"):
        return
    paths = {s for p in edited.paragraphs for s in p.sources}
    current = {p: ed.answer_value(get_path(record, p)) for p in paths}
    if not ed.is_confirmed(edited, current):
        raise InputRefused(N_("The applicant has not confirmed the declaration as it reads "
                              "now. Have the applicant confirm it paragraph by paragraph in "
                              "their own language first; a draft declaration or brief can "
                              "still be made."))
