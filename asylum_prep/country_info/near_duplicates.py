"""Recognising the same report imported twice in another form: as PDF and as text, or a page
saved twice with a different banner, not only the same bytes.

A report's text is normalised (`text.search_tokens`: case, diacritics and punctuation folded)
and cut into overlapping five-word shingles. `text_hash` is the hash of the normalised words
(equal words, equal hash, whatever the file's form); the signature is a bottom-k sketch (the
`K` smallest 64-bit hashes of its shingles), from which the Jaccard similarity of two reports'
shingle sets is estimated. Reports at `THRESHOLD` or above are the same report.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable

from asylum_prep.text import search_tokens

K = 128
SHINGLE = 5
THRESHOLD = 0.9


def _tokens(texts: Iterable[str]) -> list[str]:
    return [t for text in texts for t in search_tokens(text)]


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big")


def fingerprint(texts: Iterable[str]) -> tuple[str, str]:
    """(text_hash, signature) of a report's passages' texts."""
    words = _tokens(texts)
    text_hash = hashlib.sha256(" ".join(words).encode()).hexdigest()
    if len(words) <= SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    smallest = heapq.nsmallest(K, {_hash(s) for s in shingles})
    return text_hash, "".join(f"{h:016x}" for h in smallest)


def _decode(signature: str) -> set[str]:
    """The signature's hashes as fixed-width hex strings (they sort as the numbers do)."""
    return {signature[i:i + 16] for i in range(0, len(signature) - 15, 16)}


def similarity(a: str, b: str) -> float:
    """The estimated Jaccard similarity of two reports' shingles (0 when either is empty)."""
    sa, sb = _decode(a), _decode(b)
    if not sa or not sb:
        return 0.0
    union_k = set(heapq.nsmallest(min(K, len(sa | sb)), sa | sb))
    return len(union_k & sa & sb) / len(union_k)


def same_report(a: str, b: str) -> bool:
    return similarity(a, b) >= THRESHOLD
