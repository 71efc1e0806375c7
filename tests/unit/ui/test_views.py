"""Every page is a thin script in ui/views/, named after its page and registered: its body
lives in a ui/ module."""

from asylum_prep.ui.navigation import PAGES, VIEWS


def test_every_view_is_registered_and_thin() -> None:
    files = {path.name for path in VIEWS.glob("*.py")} - {"__init__.py"}
    assert files == {page.file for page in PAGES}
    for name in files:
        lines = (VIEWS / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) <= 15, f"ui/views/{name} holds a page body: move it to a ui/ module"
