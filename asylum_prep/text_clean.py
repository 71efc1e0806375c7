"""Control characters in short text: stripped where titles and file names come in, escaped
where the command line prints to a terminal.

A title or file name may carry NUL, ESC (terminal escape sequences), C1 controls and the
Unicode bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder
what a reader sees ("exe.txt" shown for "txt.exe"). None of them belongs in a title. The
ordinary marks of right-to-left text (U+200E, U+200F, U+061C) and the joiners (U+200C, U+200D)
stay: Persian and Arabic titles keep every letter.

Standard library only: the command line imports this before anything heavy.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 (but tab and newline, handled apart), DEL, C1 and the bidi controls.
_UNWANTED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_SPACING = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]")
_TERMINAL = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def clean_line(text: str) -> str:
    """One line of text fit to show: line breaks and tabs become spaces, every other control
    or bidi control character is dropped, runs of spaces collapse, ends are trimmed."""
    return " ".join(_UNWANTED.sub("", _SPACING.sub(" ", text)).split())


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "\n") -> str:
    r"""`text` safe to print on a terminal: each control or bidi control character not in
    `keep` is written as its escape (`\x1b`, `\u202e`), so it is seen instead of obeyed."""
    return _TERMINAL.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
