"""axe-core inside the browser tests: inject the locked copy (tests/e2e/axe, installed by
`make test` with `npm ci`), run the WCAG 2.0/2.1 A and AA rules on the live page, and report
every serious or critical violation but the few that are Streamlit's own markup and that the
app cannot change (`STREAMLIT_OWN`: each an exact rule and element, with the reason)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = frozenset({"serious", "critical"})

# (rule id, CSS selector of the element, why it is left). Never a rule as a whole.
STREAMLIT_OWN: tuple[tuple[str, str, str], ...] = (
    ("button-name",
     "[class*='st-key-'] [data-testid='stFileUploaderDropzone'] button",
     "Streamlit's uploader button says 'Browse files' in English and has no option for its "
     "caption; builtin_labels hides those words and writes the translated caption as CSS "
     "generated content, which is part of the accessible name browsers compute (accname 1.2, "
     "step 2F) but which axe does not read. test_uploader_button_is_named checks the name."),
)

RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), impact: n.impact,
                                html: n.html.slice(0, 200)})),
  }));
}"""
LEFT = """([rule, selector, targets]) => targets.map((t) => {
  const el = document.querySelector(t);
  return !!el && el.matches(selector);
})"""


def violations(page: Any) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations on the page, one line each."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `make test` (it runs `npm ci` in "
                    "tests/e2e/axe)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    found: list[str] = []
    for v in page.evaluate(RUN, WCAG_AA):
        nodes = [n for n in v["nodes"] if (n["impact"] or v["impact"]) in SERIOUS]
        for rule, selector, _why in STREAMLIT_OWN:
            if rule == v["id"] and nodes:
                left = page.evaluate(LEFT, [rule, selector, [n["target"] for n in nodes]])
                nodes = [n for n, own in zip(nodes, left, strict=True) if not own]
        found += [f"{v['id']} ({n['impact'] or v['impact']}): {v['help']} at {n['target']}: "
                  f"{n['html']}" for n in nodes]
    return found


def assert_accessible(page: Any, where: str) -> None:
    found = violations(page)
    assert not found, f"{where}: {len(found)} serious or critical WCAG violations:\n" + \
        "\n".join(found)
