"""The translator's workflow: every free-text answer beside its English translation.

Each answer keeps its original text in the case's answer language (`filing.answer_language`,
independent of anyone's interface language). A translation records the SHA-256 of the
original it was made from; it is *current* while that hash matches the original now, *stale*
once the applicant changes the answer, and *missing* when none exists. The hash is taken of
the stripped original, exactly as the documents engine checks it (documents/answers.py), so
the declaration, the certificate and this page agree on what is current.

Access: listing and saving need Permission.translation (attorney, paralegal, translator who is
a member of the case; applicants are refused). Setting the answer language: the attorney or
paralegal at any time, the applicant only before writing any free-text answer. Every read and
change is audited with counts and ids only; saves go through `cases.save_as_team`.

The translator also renders the words the team wrote in English in a request to the applicant
(`Comment.text`) in her language (`translate_comment`); request templates need no translator,
they are translated by the catalogs (forms/requests.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal

from babel import Locale, UnknownLocaleError
from sqlmodel import select

from asylum_prep.domain.record import CaseRecord, get_path, iter_text_answers, text_sha256
from asylum_prep.domain.review import Translation
from asylum_prep.errors import (
    N_,
    InputRefused,
    NotFoundError,
    PermissionDenied,
    StaleVersionError,
)
from asylum_prep.forms.answer_kinds import needs_translation
from asylum_prep.forms.answer_labels import AnswerLabel, answer_label, translatable
from asylum_prep.i18n import SUPPORTED, native_name
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User, utcnow

Status = Literal["missing", "stale", "current"]
STATUSES: tuple[Status, ...] = ("missing", "stale", "current")
MAX_TRANSLATION_CHARS = 60_000


@dataclass(frozen=True)
class TranslationItem:
    path: str
    label: AnswerLabel  # where the answer sits (translate its parts at the edge)
    original: str
    language: str  # the answer language (BCP 47 / ISO 639 code)
    translation: str | None
    status: Status
    translated_by: str  # display name of who saved the translation, "" when none
    at: datetime | None


def source_hash(original: str) -> str:
    """The hash a translation must carry to be current for `original`."""
    return text_sha256(original.strip())


def status_of(translation: Translation | None, original: str) -> Status:
    if translation is None or not translation.text.strip():
        return "missing"
    return "current" if translation.source_sha256 == source_hash(original) else "stale"


def text_answers(record: CaseRecord) -> list[tuple[str, str]]:
    """(path, original) of every non-empty free-text answer a translator works on: not the
    ones whose words need no translation (numbers, names, Latin-script words when the applicant
    answers in another script: `forms.answer_kinds.needs_translation`)."""
    source = record.filing.answer_language or "en"
    return [(p, text) for p, text in iter_text_answers(record)
            if translatable(p) and needs_translation(p, text, source)]


def statuses(record: CaseRecord) -> dict[str, Status]:
    """Path -> status for every non-empty free-text answer of the record."""
    return {
        path: status_of(record.translations.get(path), original)
        for path, original in text_answers(record)
    }


def _read(store: Store, actor: Actor, case_id: str, permission: Permission,
          version: int | None = None) -> tuple[Role, CaseRecord, int, dict[int, str]]:
    with store.session() as session:
        role = require(session, actor, case_id, permission)
        case = repo.get_case(session, case_id)
        number = case.current_version if version is None else version
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, number))
        ids = {t.translator for t in record.translations.values()}
        names = {
            u.id or 0: u.display_name or u.username
            for u in session.exec(select(User).where(User.id.in_(ids)))  # type: ignore[union-attr]
        } if ids else {}
        return role, record, number, names


def items_for(record: CaseRecord, names: dict[int, str] | None = None) -> list[TranslationItem]:
    """The translation items of a record already loaded (no access check)."""
    names = names or {}
    language = record.filing.answer_language or "en"
    out: list[TranslationItem] = []
    for path, original in text_answers(record):
        tr = record.translations.get(path)
        out.append(TranslationItem(
            path=path, label=answer_label(record, path), original=original, language=language,
            translation=tr.text if tr is not None else None, status=status_of(tr, original),
            translated_by=names.get(tr.translator, "") if tr is not None else "",
            at=tr.at if tr is not None else None,
        ))
    return out


@guarded
def list_translation_items(store: Store, actor: Actor, case_id: str) -> list[TranslationItem]:
    _, record, version, names = _read(store, actor, case_id, Permission.translation)
    items = items_for(record, names)
    counts = Counter(i.status for i in items)
    with store.session() as session:
        audit.log(session, actor, "translations_view", case_id,
                  f"version={version} " + " ".join(f"{s}={counts.get(s, 0)}" for s in STATUSES))
    return items


@guarded
def save_translation(store: Store, actor: Actor, case_id: str, *, path: str, text: str,
                     base_version: int) -> int:
    """Save the English translation of the answer at `path`, as seen at `base_version`.

    Refused: a path that is not a free-text answer now; an empty or over-long text; an
    original changed since `base_version` (StaleVersionError: the translator sees the new
    words first). Returns the new version."""
    text = text.strip()
    if not text:
        raise InputRefused(N_("Write the translation first."))
    if len(text) > MAX_TRANSLATION_CHARS:
        raise InputRefused(N_("A translation has at most {n} characters."),
                           n=MAX_TRANSLATION_CHARS)
    _, base, _, _ = _read(store, actor, case_id, Permission.translation, base_version)
    _, current, current_version, _ = _read(store, actor, case_id, Permission.translation)
    originals = dict(text_answers(current))
    if path not in originals:
        raise InputRefused(N_("There is no written answer to translate at {path}."),
                           path=path[:200])
    seen = get_path(base, path)
    if not isinstance(seen, str) or seen.strip() != originals[path].strip():
        raise StaleVersionError(base=base_version, current=current_version, changed=path[:200])
    entry = Translation(text=text, source_sha256=source_hash(originals[path]),
                        translator=actor.id, at=utcnow())
    changed = base.model_copy(update={"translations": {**base.translations, path: entry}})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.translation, action="translation_save")


# --- the team's own words in a request to the applicant -----------------------------------


@guarded
def translate_comment(
    store: Store, actor: Actor, case_id: str, *, comment_id: str, text: str, base_version: int
) -> int:
    """The case translator's rendering, in the applicant's language, of the words the team
    wrote in English in a request to her (`Comment.text`); she reads it beside the original.
    Audited with the comment's id, never the text. Returns the new version."""
    text = text.strip()
    if not text:
        raise InputRefused(N_("Write the translation first."))
    if len(text) > store.settings.max_answer_chars:
        raise InputRefused(N_("A translation has at most {n} characters."),
                           n=store.settings.max_answer_chars)
    _, base, _, _ = _read(store, actor, case_id, Permission.translation, base_version)
    record = base.model_copy(deep=True)
    comment = next((c for c in record.comments if c.id == comment_id), None)
    if comment is None:
        raise NotFoundError(N_("This comment no longer exists."))
    if not comment.text:
        raise InputRefused(N_("This request has no words of the team's own to translate."))
    comment.translation = text
    comment.translated_by = actor.id
    comment.translated_at = utcnow()
    return cases.save_as_team(store, actor, case_id, record=record, base_version=base_version,
                              permission=Permission.translation, action="comment_translate",
                              detail=f"comment={comment_id[:40]}")


# --- the answer language ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    """Every ISO 639-1 code Babel names (computed once: the pickers ask on every rerun)."""
    return frozenset(str(code) for code in Locale.parse("en").languages if len(str(code)) == 2)


@lru_cache(maxsize=1)
def _offered() -> tuple[str, ...]:
    return (*SUPPORTED, *sorted(_known_languages() - set(SUPPORTED)))


def answer_languages() -> list[str]:
    """The languages offered: the interface languages first, then every ISO 639-1 code."""
    return list(_offered())


def language_choices(current: str) -> list[str]:
    """`answer_languages()`, with `current` first when it is a stored code outside them, so a
    picker opened on it never changes it."""
    options = answer_languages()
    return options if current in options else [current, *options]


@lru_cache(maxsize=4096)
def language_label(code: str, ui_lang: str = "en") -> str:
    """A language's own name and, when different, its name in the reader's language:
    "دری · Persian (Afghanistan)". Distinct for every code offered."""
    code_ = code.replace("-", "_")
    try:
        reader = Locale.parse(ui_lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        reader = Locale.parse("en")
    try:
        local = Locale.parse(code_).get_display_name(reader) or ""
        native = native_name(code_)
    except (UnknownLocaleError, ValueError):
        local, native = str(reader.languages.get(code_) or code), ""
    if not native or native.casefold() == local.casefold():
        return local or code
    return f"{native} · {local}"


def normalise_language(language: str) -> str:
    code = language.strip().replace("-", "_")
    if code in SUPPORTED:
        return code
    code = code.lower()
    if code in _known_languages():
        return code
    raise InputRefused(N_("Unknown language code {code}: use a two-letter ISO 639-1 code "
                          "such as fa or es."), code=language.strip()[:20])


@guarded
def set_answer_language(store: Store, actor: Actor, case_id: str, *, language: str,
                        base_version: int) -> int:
    """Set the language the applicant answers in (independent of the interface language).

    The attorney or paralegal may set it at any time; the applicant only before writing any
    free-text answer (afterwards the answers already written would be labelled wrongly)."""
    code = normalise_language(language)
    role, record, _, _ = _read(store, actor, case_id, Permission.read, base_version)
    if role is Role.applicant:
        _, current, _, _ = _read(store, actor, case_id, Permission.read)
        if text_answers(current):
            raise PermissionDenied(N_("The language of your answers can be chosen only before "
                                      "you write your first answer. Ask your legal team to "
                                      "change it."))
    elif role not in (Role.attorney, Role.paralegal):
        raise PermissionDenied()
    if (record.filing.answer_language or "en") == code:
        return base_version
    filing = record.filing.model_copy(update={"answer_language": code})
    changed = record.model_copy(update={"filing": filing})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.read if role is Role.applicant
                              else Permission.write,
                              action="answer_language_set")
