"""Word forms for the country library's search: the language of a text, each word's stem,
unspaced scripts cut into pairs of characters. Works on tokens `text.search_tokens` made
(already folded), so the index and the queries go through the same steps.

- Language (`detect_language`): the script decides first (Han: zh; Ethiopic: am or ti;
  Cyrillic: uk when і, є or ґ occur, else ru; Arabic script: ur or ps by their own letters,
  else fa or ar by their common words); Latin text by its common words (en, es, fr, pt, tr,
  ht); "xx" when nothing is known.
- Stems (`stem`): the Snowball stemmers of PyStemmer for en, es, fr, pt, tr, ru, ar and fa
  (Snowball 3 has a Persian stemmer); other languages keep the folded word. English also
  joins a few derived forms the stemmer keeps apart ("detention", "detainee" -> "detain").
- Persian and Arabic-script bound parts written apart (a zero-width non-joiner or a space
  before "ها", after "می") are joined to their word, so "خانواده‌ها", "خانواده ها" and
  "خانوادهها" are one word (`join_bound_parts`).
- Unspaced scripts (Han, kana, Thai, Lao, Khmer, Myanmar): each run becomes its overlapping
  character pairs ("中国政府" -> 中国 国政 政府), the usual approach when no dictionary
  segmenter is used; a single character stays itself. Traditional Chinese is folded to
  simplified before (`text.fold_for_search`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

SNOWBALL = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese",
            "tr": "turkish", "ru": "russian", "ar": "arabic", "fa": "persian"}
LANGUAGES = ("en", "es", "fr", "pt", "tr", "ht", "ru", "uk", "ar", "fa", "ur", "ps", "zh",
             "am", "ti", "xx")
UNKNOWN = "xx"
_UNSTEMMED = {"ht": "latin", "uk": "cyrillic", "ur": "arabic", "ps": "arabic", "zh": "han",
              "am": "ethiopic", "ti": "ethiopic"}
# Which languages a word of each script may be in (the stems a query word stands for).
SCRIPT_LANGUAGES = {"latin": ("en", "es", "fr", "pt", "tr"), "cyrillic": ("ru",),
                    "arabic": ("fa", "ar")}

_COMMON = {  # folded, as `search_tokens` writes them
    "en": "the of and to in is that for was were are with by on as from have has this which",
    "es": "el la los las de del que en y por con para una se su al es fue como",
    "fr": "le la les de des du et que en un une est dans par pour sur au aux il qui",
    "pt": "o os as de do da dos das que em um uma para com nao por foi ao e",
    "tr": "ve bir bu da de icin ile olarak olan gibi daha cok sonra kadar",
    "ht": "nan ak pou yo li ki te se pa sou gen sa moun",
    "fa": "در از به که این را با است برای تا بر ان هم شده شد می",
    "ar": "فی من علی الی التی الذی ان عن هذا هذه کان مع او ما لا",
    "am": "ነው እና ላይ ውስጥ ወደ ጋር ግን",
    "ti": "ናይ ኣብ እዩ ምስ ካብ እንተ",
}
_COMMON_SETS = {lang: frozenset(words.split()) for lang, words in _COMMON.items()}
_COMMON_INDEX: dict[str, list[str]] = {}
for _lang, _words in _COMMON_SETS.items():
    for _word in _words:
        _COMMON_INDEX.setdefault(_word, []).append(_lang)
_LATIN_LANGS = ("en", "es", "fr", "pt", "tr", "ht")
# English derived forms Snowball keeps apart that the library's readers treat as one word.
_EN_FAMILIES = {"detent": "detain", "detaine": "detain", "threaten": "threat",
                "religi": "religion", "violenc": "violent", "arbitrarili": "arbitrari"}
_PERSIAN_PREFIXES = frozenset(("می", "نمی"))
_PERSIAN_SUFFIXES = frozenset(("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان",
                               "هایشان", "تر", "ترین"))
_UNSPACED = re.compile(
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff"
    "\u1000-\u109f]+)")
_URDU = re.compile("[ٹڈڑںےھ]")
_PASHTO = re.compile("[ټډړښږځڅګېۍ]")
_UKRAINIAN = re.compile("[ієґ]")
_TO_ARABIC = str.maketrans("کی", "كي")
_FROM_ARABIC = str.maketrans("كي", "کی")
_local = threading.local()  # PyStemmer's stemmers are not shared between threads


def script_of(token: str) -> str:
    """"latin", "cyrillic", "arabic", "han", "ethiopic" or "other", from the first letter."""
    for ch in token:
        code = ord(ch)
        if ch.isdigit():
            continue
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            return "latin"
        if 0x400 <= code < 0x530:
            return "cyrillic"
        if 0x600 <= code < 0x700 or 0x750 <= code < 0x780 or 0xFB50 <= code < 0xFE00:
            return "arabic"
        if 0x1200 <= code < 0x1400:
            return "ethiopic"
        if _UNSPACED.match(ch):
            return "han"
        return "other"
    return "other"


def detect_language(tokens: list[str]) -> str:
    """The language of a passage's folded tokens (see the module docstring)."""
    scripts: dict[str, int] = {}
    for token in tokens:
        script = script_of(token)
        scripts[script] = scripts.get(script, 0) + len(token)
    if not scripts:
        return UNKNOWN
    main = max(scripts, key=lambda s: scripts[s])
    joined = "".join(tokens)
    if main == "han":
        return "zh"
    if main == "cyrillic":
        return "uk" if _UKRAINIAN.search(joined) else "ru"
    if main == "ethiopic":
        return _by_common(tokens, ("am", "ti"), default="am")
    if main == "arabic":
        if _PASHTO.search(joined):
            return "ps"
        if _URDU.search(joined):
            return "ur"
        return _by_common(tokens, ("fa", "ar"), default="fa")
    if main == "latin":
        return _by_common(tokens, _LATIN_LANGS, default="en")
    return UNKNOWN


def _by_common(tokens: list[str], langs: tuple[str, ...], *, default: str) -> str:
    counts = dict.fromkeys(langs, 0)
    for word in [t for t in tokens if t in _COMMON_INDEX]:
        for lang in _COMMON_INDEX[word]:
            if lang in counts:
                counts[lang] += 1
    best = max(langs, key=lambda lang: counts[lang])
    return best if counts[best] else default


def latin_language(tokens: list[str]) -> str:
    """The language of tokens known to be ASCII (the fast path of `detect_language`)."""
    return _by_common(tokens, _LATIN_LANGS, default="en") if tokens else UNKNOWN


def _stemmer(lang: str) -> Stemmer.Stemmer:
    stemmers: dict[str, Stemmer.Stemmer] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        stemmers[lang] = Stemmer.Stemmer(SNOWBALL[lang], 20_000)
    return stemmers[lang]


@lru_cache(maxsize=200_000)
def stem(token: str, lang: str) -> str:
    """The index word of one folded token in `lang` (the token itself where no stemmer
    applies: another script, a number, a language without one)."""
    if lang not in SNOWBALL or token.isdigit() or len(token) < 3:
        return token
    script = script_of(token)
    if SCRIPT_LANGUAGES.get(script) is None or lang not in SCRIPT_LANGUAGES[script]:
        return token
    if lang == "ar":
        out = _stemmer(lang).stemWord(token.translate(_TO_ARABIC)).translate(_FROM_ARABIC)
    else:
        out = _stemmer(lang).stemWord(token)
    if lang == "en":
        out = _EN_FAMILIES.get(out, out)
    return out or token


_CACHES: dict[str, dict[str, str]] = {}
MAX_CACHED = 200_000


def stem_all(tokens: list[str], lang: str) -> list[str]:
    """`stem` of each token (the indexing path: one dictionary look-up per known word)."""
    cache = _CACHES.setdefault(lang, {})
    try:
        return [cache[t] for t in tokens]
    except KeyError:
        if len(cache) > MAX_CACHED:
            cache.clear()
        for t in tokens:
            if t not in cache:
                cache[t] = stem(t, lang)
        return [cache[t] for t in tokens]


def stems_of(token: str, langs: Iterable[str] | None = None) -> tuple[str, ...]:
    """Every index word `token` may stand for in a library holding texts in `langs` (None:
    any language): its stem in each of those languages written in its script, and the token
    itself where one of them has no stemmer (or the script has none)."""
    script = script_of(token)
    stemmed = SCRIPT_LANGUAGES.get(script, ())
    wanted = set(LANGUAGES if langs is None else langs)
    out = dict.fromkeys(stem(token, lang) for lang in stemmed if lang in wanted)
    if not out or unstemmed_in(script, wanted):
        out[token] = None
    return tuple(out)


def unstemmed_in(script: str, langs: Iterable[str]) -> bool:
    """Whether any of `langs` is written in `script` without a stemmer (its words are
    indexed as they are)."""
    return any(lang == UNKNOWN or _UNSTEMMED.get(lang) == script for lang in langs)


def join_bound_parts(tokens: list[str]) -> list[str]:
    """Persian plural and comparative endings and the verb prefix می joined to their word."""
    if not any(t in _PERSIAN_PREFIXES or t in _PERSIAN_SUFFIXES for t in tokens):
        return tokens
    out: list[str] = []
    glue = False
    for token in tokens:
        if glue and script_of(token) == "arabic":
            out[-1] += token
        elif token in _PERSIAN_SUFFIXES and out and script_of(out[-1]) == "arabic":
            out[-1] += token
        else:
            out.append(token)
        glue = token in _PERSIAN_PREFIXES
    return out


def segment(token: str) -> list[str]:
    """A token with its unspaced-script runs cut into overlapping character pairs."""
    if token.isascii() or not _UNSPACED.search(token):
        return [token]
    out: list[str] = []
    for part in _UNSPACED.split(token):
        if not part:
            continue
        if _UNSPACED.fullmatch(part):
            out.extend([part] if len(part) == 1 else
                       [part[i:i + 2] for i in range(len(part) - 1)])
        else:
            out.append(part)
    return out


def words(tokens: list[str]) -> list[str]:
    """Folded tokens as the index sees them before stemming: bound parts joined, unspaced
    runs segmented."""
    out: list[str] = []
    for token in join_bound_parts(tokens):
        out.extend(segment(token))
    return out
