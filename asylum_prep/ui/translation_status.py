"""What the translation pages share: the status badges (missing, out of date, current) and the
box that shows words in their own script (plain text, `dir="auto"`, never Markdown)."""

from __future__ import annotations

from typing import Literal

from asylum_prep.errors import N_

STATUS_LABELS: dict[str, str] = {
    "missing": N_("Not translated"),
    "stale": N_("Out of date"),
    "current": N_("Translated"),
}
STATUS_COLOURS: dict[str, Literal["red", "orange", "green"]] = {
    "missing": "red", "stale": "orange", "current": "green"}
ORIGINAL = """
<div class="ap-original" dir="auto" lang="{{ lang }}"
     style="white-space: pre-wrap; unicode-bidi: plaintext; padding: 0.5rem 0.75rem;
            border-inline-start: 3px solid #999; margin: 0.25rem 0 0.5rem 0;
            font-size: 1.05rem; line-height: 1.6;">{{ text }}</div>
"""
