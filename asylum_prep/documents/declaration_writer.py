"""The paragraph writer the declaration builder uses: numbering, sources, gaps, flags.

A paragraph is an optional fixed lead-in (a whole translatable sentence filled only with short
answer values such as a date or a place) followed by the applicant's answer, verbatim. The
writer numbers paragraphs continuously, records which answer paths each paragraph came from
(so the brief can cite "Decl. ¶ 12"), and turns missing answers into Gap blocks in draft mode
or into notices in filing mode.
"""

from __future__ import annotations

from asylum_prep.documents.answers import Answers
from asylum_prep.documents.model import (
    ENDINGS,
    Block,
    Gap,
    Heading,
    Notice,
    NumberedParagraph,
    Quotation,
    Text,
    full_stop,
)
from asylum_prep.errors import N_


def _sentences(texts: tuple[Text, ...]) -> tuple[Text, ...]:
    """Each part but the last ends with its language's full stop, unless it already ends a
    sentence or a label."""
    out = []
    for i, t in enumerate(texts):
        body = t.text.rstrip()
        if i < len(texts) - 1 and body and not body.endswith(ENDINGS):
            t = t.model_copy(update={"text": body + full_stop(t.lang)})
        out.append(t)
    return tuple(out)


class Writer:
    def __init__(self, answers: Answers, *, draft: bool) -> None:
        self.a = answers
        self.t = answers.t
        self.lang = answers.fixed_lang  # the language fixed phrases are printed in
        self.draft = draft
        self.blocks: list[Block] = []
        self.number = 0
        self.paths: dict[str, int] = {}
        self.notices = answers.notices

    def fixed(self, text: str) -> Text:
        return Text(text=text, lang=self.lang)

    def heading(self, text: str) -> None:
        self.a.take_pending()
        self.blocks.append(Heading(text=self.fixed(text)))

    def para(self, *parts: Text | str | None, sources: tuple[str, ...] = ()) -> int | None:
        """Add a numbered paragraph from fixed phrases (str) and answers (Text). A part that
        another follows ends its sentence: an answer written without a full stop ("Volunteer
        auditor") gets one before the next label, so label and value never run together."""
        texts = _sentences(tuple(p if isinstance(p, Text) else self.fixed(p) for p in parts if p))
        statuses = self.a.take_pending()
        if not any(t.text.strip() for t in texts):
            return None
        self.number += 1
        all_sources = tuple(dict.fromkeys((*statuses, *sources)))
        for path in all_sources:
            self.paths.setdefault(path, self.number)
        self.blocks.append(
            NumberedParagraph(
                number=self.number,
                parts=texts,
                sources=all_sources,
                flag=self.a.flag_for(statuses, self.number),
            )
        )
        return self.number

    def answer(
        self, lead: str | None, path: str, *, gap: str | None = None, extra: tuple[str, ...] = ()
    ) -> int | None:
        """Lead-in plus one answer; a gap (draft) or notice (filing) when the answer is empty."""
        value = self.a.get(path)
        if value is None:
            self.a.take_pending()
            if gap:
                self.missing(path, gap)
            return None
        return self.para(lead, value, sources=(path, *extra))

    def quote(self, path: str) -> None:
        value = self.a.get(path)
        flag = self.a.flag_for(self.a.take_pending(), self.number)
        if value is not None:
            self.paths.setdefault(path, self.number)
            self.blocks.append(Quotation(text=value, sources=(path,), flag=flag))

    def missing(self, path: str, label: str) -> None:
        """`label` is an already translated, attorney-facing description of the question."""
        reason = self.a.skipped(path)
        if self.draft:
            text = (
                self.t("No answer ({reason}): {question}", reason=reason, question=label)
                if reason
                else self.t("No answer: {question}", question=label)
            )
            self.blocks.append(Gap(text=self.fixed(text), path=path))
        self.notices.append(
            Notice(
                template=N_("No answer for “{question}” ({part}); left out of the document."),
                params=self.a.question_params(path),
                labels=("question", "part"),
            )
        )
