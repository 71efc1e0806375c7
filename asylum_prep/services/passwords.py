"""Password rules: long enough, not only spaces, not the user name, not a simple pattern, not
one of the common passwords shipped with the app (common_passwords.txt).

The list is short on purpose (a few hundred entries, typed from the best-known public lists):
every password under MIN_PASSWORD characters is refused anyway, so the list matters for the
longer ones built on a common word ("Password2024!", "iloveyou1234", "p@ssw0rd...."), which
are compared after lower-casing, dropping spaces and separators, the digits and symbols at the
ends, and look-alike digits. The patterns need no list: one character or one group repeated,
a run along a keyboard row or the alphabet, digits only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import fold_compatible

MIN_PASSWORD = 12
MAX_PASSWORD = 256
LIST_FILE = Path(__file__).with_name("common_passwords.txt")

TOO_SHORT = N_("The password must be at least {n} characters long.")
TOO_LONG = N_("The password must be at most {n} characters long.")
BROKEN = N_("The password contains broken characters that cannot be used. Type it again.")
ONLY_SPACES = N_("A password cannot be made of spaces only. Choose another.")
HAS_USERNAME = N_("The password must not contain your user name. Choose another.")
PATTERN = N_(
    "This password follows a simple pattern (one character or group repeated, a row of the "
    "keyboard, or digits only) and is easy to guess. Choose another."
)
COMMON = N_("This password is one of the most common passwords and is easy to guess. "
            "Choose another.")

# Runs along keyboards (QWERTY, AZERTY, QWERTZ, columns) and the alphabet; reversed runs and
# runs wrapping round the end count too.
_RUNS = (
    "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn", "qwertzuiopasdfghjklyxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp",
    "abcdefghijklmnopqrstuvwxyz", "!@#$%^&*()",
)
_SEPARATORS = re.compile(r"[\s\-_.,'’]+")
_REPEATED = re.compile(r"^(.+?)\1+$", re.DOTALL)
_LOOK_ALIKES = (str.maketrans("@4310$5!7+8", "aaeiossitta"),
                str.maketrans("@4310$5!7+8", "aaeloosltta"))


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = LIST_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _compact(password: str) -> str:
    return _SEPARATORS.sub("", fold_compatible(password))


def _core(compact: str) -> str:
    """Without the digits and symbols at either end: "2024password!!" -> "password"."""
    start, end = 0, len(compact)
    while start < end and not compact[start].isalpha():
        start += 1
    while end > start and not compact[end - 1].isalpha():
        end -= 1
    return compact[start:end]


def _is_run(text: str) -> bool:
    if len(text) < 3:
        return False
    for run in _RUNS:
        for seq in (run, run[::-1]):
            if text in seq * (len(text) // len(seq) + 2):
                return True
    return False


def is_pattern(password: str) -> bool:
    compact = _compact(password)
    if not compact:
        return False
    return (
        compact.isdigit()
        or _REPEATED.match(compact) is not None
        or _is_run(compact)
    )


def is_common(password: str) -> bool:
    compact = _compact(password)
    core = _core(compact)
    candidates = {compact, core}
    for table in _LOOK_ALIKES:  # p@ssw0rd, 1l0v3y0u
        candidates.add(compact.translate(table))
        candidates.add(_core(compact).translate(table))
        candidates.add(_core(compact.translate(table)))
    common = common_passwords()
    return any(c in common for c in candidates if c)


def _contains_username(password: str, username: str) -> bool:
    name = username.strip().casefold()
    if len(name) < 3:
        return False
    compact = _compact(password)
    return name in password.casefold() or _compact(name) in compact


def check_password_rules(password: str, *, username: str = "") -> None:
    """InputRefused (with a whole-sentence, translatable reason) unless `password` may be used
    by the account `username`."""
    if not _storable(password.replace("\x00", "")):  # hashed, never stored: NUL is fine
        raise InputRefused(BROKEN)
    if password and not password.strip():
        raise InputRefused(ONLY_SPACES)
    if len(password) < MIN_PASSWORD:
        raise InputRefused(TOO_SHORT, n=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise InputRefused(TOO_LONG, n=MAX_PASSWORD)
    if username and _contains_username(password, username):
        raise InputRefused(HAS_USERNAME)
    if is_pattern(password):
        raise InputRefused(PATTERN)
    if is_common(password):
        raise InputRefused(COMMON)
