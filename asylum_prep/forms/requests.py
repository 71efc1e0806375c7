"""Plain requests the legal team sends the applicant about one answer, as data.

Each template is one whole sentence (an N_ source) naming the answer it concerns as `{item}`,
so the applicant reads it in her own language with the item named in her language too
(forms/answer_labels.py). The key is what a Comment stores (`Comment.template`); the sentence
is translated only when shown. Streamlit-free.
"""

from __future__ import annotations

from collections.abc import Callable

from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused
from asylum_prep.forms.answer_labels import answer_label

REQUEST_TEMPLATES: dict[str, str] = {
    "check_date": N_("Please check the date of {item}."),
    "who_did_this": N_("Please tell us more about who did this ({item})."),
    "why_targeted": N_("Why do you think they targeted you? ({item})"),
    "document": N_("Do you have a document for {item}? If so, please upload it."),
    "tell_more": N_("Please tell us more about {item}."),
    "consistency": N_("Please explain how this fits with your other answers ({item})."),
}


def checked_template(key: str) -> str:
    """`key` when it names a request template ("" for none); refused otherwise."""
    key = key.strip()
    if key and key not in REQUEST_TEMPLATES:
        raise InputRefused(N_("This kind of request does not exist. Choose one from the list."))
    return key


def request_text(t: Callable[..., str], record: CaseRecord, template: str, path: str) -> str:
    """The request `template` about the answer at `path`, in the language of `t` ("" for an
    unknown or empty key)."""
    source = REQUEST_TEMPLATES.get(template)
    if source is None:
        return ""
    return t(source, item=answer_label(record, path).text(t))
