"""Warnings about the evidence of a case: uncorroborated elements, untranslated foreign-language
documents, pictures too small to read, documents that cannot go in the packet, sealed
originals that still hold what was removed from the working copy (a photo's location).

Each warning is a translatable template with named parameters (no applicant data beyond
what the acting team member already sees: evidence titles and element titles). Parameters
named in `labels` are themselves N_() sources (an element's title), translated with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from asylum_prep.domain.evidence import ELEMENT_KEYS
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.evidence.translated import untranslated, warning_template

SMALL_LONG_SIDE = 800


@dataclass(frozen=True)
class EvidenceWarning:
    code: str  # uncorroborated | untranslated | small_image | no_pdf | original_has_details
    template: str
    params: dict[str, object] = field(default_factory=dict)
    evidence_id: str | None = None
    element: str | None = None
    labels: tuple[str, ...] = ()  # params that are N_() sources, translated too

    def message(self, translate: object = None) -> str:
        """The sentence in the reader's language; `translate` is a `Translator` (or any
        callable taking the template and named parameters)."""
        if not callable(translate):
            return self.template.format(**self.params)
        params = {k: translate(v) if k in self.labels else v for k, v in self.params.items()}
        return str(translate(self.template, **params))


def evidence_warnings(record: CaseRecord, elements: Iterable[str] = ELEMENT_KEYS,
                      titles: Mapping[str, str] | None = None) -> list[EvidenceWarning]:
    """`titles` maps element keys to their titles (legal.jurisdictions.element_titles); a
    warning names an element by its title, never by its key."""
    out: list[EvidenceWarning] = []
    included = [it for it in record.evidence if it.exhibit.included]
    corroborated = {key for it in included for key in it.elements}
    corroborated |= {c.element.value for c in record.citations}
    for key in elements:
        if key not in corroborated:
            out.append(EvidenceWarning(
                "uncorroborated",
                N_("No document supports the element \u201c{element}\u201d yet. Link a "
                   "document to it, or note why none is available."),
                {"element": (titles or {}).get(key, key)}, element=key, labels=("element",)))
    for it in record.evidence:
        if it.original_blob and it.removed:
            out.append(EvidenceWarning(
                "original_has_details",
                N_("The sealed original of \u201c{title}\u201d still contains the hidden "
                   "details removed from the working copy (listed on the item), for example a "
                   "photo's location. Keep it within the legal team and file only the working "
                   "copy."), {"title": it.title or it.filename}, evidence_id=it.id))
    for gap in untranslated(record):
        out.append(EvidenceWarning(
            "untranslated" if gap.status == "missing" else "translation_stale",
            warning_template(gap.status), {"title": gap.title}, evidence_id=gap.evidence_id))
    for it in included:
        title = it.title or it.filename
        if (it.mime.is_image and it.width and it.height
                and max(it.width, it.height) < SMALL_LONG_SIDE):
            out.append(EvidenceWarning(
                "small_image",
                N_("The picture \u201c{title}\u201d is small ({width} x {height} pixels) and "
                   "may be hard to read when printed. Add a larger copy if there is one."),
                {"title": title, "width": it.width, "height": it.height}, evidence_id=it.id))
        if not it.mime.is_image and not it.page_count:
            out.append(EvidenceWarning(
                "no_pdf",
                N_("\u201c{title}\u201d has no PDF version, so it will be left out of the "
                   "packet. Save it as PDF and add the PDF."), {"title": title},
                evidence_id=it.id))
    return out
