"""Search within one case: its answers in free text and the text of its exhibits (what OCR
read, or a born-digital document's own text: services.ocr), decrypted in memory only, never
indexed or written anywhere.

Words are matched in their search form (`text.search_tokens`: case, accents, Arabic letter
variants and digits folded alike); every word of the query must start a word of the same
answer or page, so a Persian or Turkish word with a suffix is still found. Access: `read`,
for the team (attorney, paralegal, translator) on what their role may see of the record; each
search is audited with its counts, never its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.domain.merge import flatten
from asylum_prep.domain.record import CaseRecord, SectionKey
from asylum_prep.forms.answer_kinds import translatable
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require, visible_record
from asylum_prep.services.actor import Actor
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.text import search_tokens, word_tokens

SNIPPET_WORDS = 12
MAX_QUERY_WORDS = 12


@dataclass(frozen=True)
class Hit:
    kind: str  # "answer" or "exhibit"
    path: str  # the answer's path, or the exhibit's evidence id
    page: int  # the exhibit's page (from 1); 0 for an answer
    title: str  # the exhibit's title or file name; "" for an answer
    snippet: str  # the words around the first match


def _matches(wanted: list[str], text: str) -> bool:
    have = search_tokens(text)
    return all(any(token.startswith(w) for token in have) for w in wanted)


def snippet(wanted: list[str], text: str) -> str:
    """About SNIPPET_WORDS words of `text` around the first word a query word starts."""
    words = text.split()
    first = next((n for n, word in enumerate(words)
                  if any(tok.startswith(w) for tok in word_tokens(word) for w in wanted)), 0)
    start = max(0, first - SNIPPET_WORDS // 2)
    part = words[start:start + SNIPPET_WORDS]
    return ("… " if start else "") + " ".join(part) + (
        " …" if start + SNIPPET_WORDS < len(words) else "")


def answer_texts(record: CaseRecord) -> list[tuple[str, str]]:
    """(path, text) of every free-text answer of the applicant's parts of `record`."""
    parts = {section.value for section in SectionKey}
    return [(".".join(path), value) for path, value in flatten(record).items()
            if path and path[0] in parts and isinstance(value, str) and value.strip()
            and translatable(".".join(path))]


@guarded
def search_case(store: Store, actor: Actor, case_id: str, query: str, *,
                limit: int = 100) -> list[Hit]:
    """Answers, then exhibit pages, holding every word of `query` (at most `limit` hits)."""
    wanted = search_tokens(query)[:MAX_QUERY_WORDS]
    with store.session() as session:
        role = require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = visible_record(role, actor.id, repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version)))
        hits: list[Hit] = []
        if wanted:
            hits = [Hit("answer", path, 0, "", snippet(wanted, text))
                    for path, text in answer_texts(record) if _matches(wanted, text)]
            for item in record.evidence:
                if not item.text.blob:
                    continue
                for number, page in enumerate(repo.get_page_texts(session, cipher,
                                                                  item.text.blob), start=1):
                    if _matches(wanted, page):
                        hits.append(Hit("exhibit", item.id, number, item.title or item.filename,
                                        snippet(wanted, page)))
        answers = sum(1 for h in hits if h.kind == "answer")
        audit.log(session, actor, "case_search", case_id,
                  f"answers={answers} pages={len(hits) - answers}")
        return hits[:limit]
