"""Text that Streamlit's Markdown would turn into something other than itself: a picture
fetched from another host, a link (to a page or to script), HTML, a colour, a formula, bold,
an icon, a heading, a list, a code block, an arrow. Shown anywhere on screen, each must read
exactly as typed, and be nothing but text."""

from __future__ import annotations

BEACON = "http://127.0.0.1:9/beacon"  # port 9 (discard): a fetch of it is a leak, not a page

MARKUP: dict[str, str] = {
    "image": f"![x]({BEACON})",
    "html": "<img src=x onerror=alert(1)>",
    "colour": ":red[x]",
    "latex": "$x$",
    "script_link": "[link](javascript:alert(1))",
    "bold": "**bold**",
    "bare_address": "see http://127.0.0.1:9/a or www.example.org",
    "angle_address": "<http://127.0.0.1:9/b>",
    "email": "write to someone@example.org",
    "icons": ":material/home: :streamlit: :smile:",
    "heading": "# heading",
    "list": "- item",
    "numbered": "1. first",
    "quote": "> quoted",
    "entity": "&amp; &lt;b&gt; &#x41;",
    "code": "`code`",
    "strike": "~~gone~~",
    "arrows": "a -> b <= c -- d",
    "indent": "    indented",
    "table": "| a | b |",
    "footnote": "note[^1]",
    "directive": "::leaf[x]",
    "setext": "title\n===",
    "backslash": "C:\\temp \\*",
}

# The six of the report, in one name: what the page walk plants in every text field.
HOSTILE = ("![x](http://127.0.0.1:9/beacon) <img src=x onerror=alert(1)> :red[x] $x$ "
           "[link](javascript:alert(1)) **bold**")

# Pieces of HOSTILE that are active markup when they reach a Markdown element unescaped.
ACTIVE = ("![x]", "](http", "<img", ":red[x]", "$x$", "[link](", "**bold**", "http://127")
