"""Word documents become PDF with the real LibreOffice, in private memory-backed scratch space
that nothing outlives, not even a SIGKILL."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from asylum_prep import scratch
from asylum_prep.evidence import office, rendition

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(rendition.soffice_path() is None,
                                reason="LibreOffice is installed by `make test`")


def _word(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _ours(base: Path) -> list[Path]:
    return [p for p in base.iterdir() if p.name.startswith(scratch.PREFIX)]


def test_converted_in_private_ram_scratch_and_cleaned_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's temporary directory is unusable (it does not exist), yet the conversion
    works: LibreOffice ran in a job directory of the process's scratch space in /dev/shm,
    which holds nothing but its lock afterwards."""
    assert scratch.RAM_DIR.is_dir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-dir"))
    seen: list[Path] = []
    real_run = office._run

    def watching(command: list[str], *, env: dict[str, str], cwd: Path) -> bool:
        seen.append(cwd)
        assert Path(env["TMPDIR"]).parent == cwd and env["HOME"] == str(cwd)
        return real_run(command, env=env, cwd=cwd)

    monkeypatch.setattr(office, "_run", watching)
    pdf = rendition.docx_to_pdf(_word("Statement of a fictional witness."))
    assert pdf is not None
    assert "fictional witness" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert len(seen) == 1 and seen[0].parent == scratch.root()
    assert scratch.root().parent == scratch.RAM_DIR
    assert not seen[0].exists()
    assert [p.name for p in scratch.root().iterdir()] == [scratch.LOCK_NAME]


def test_nothing_of_ours_remains_after_a_conversion_in_another_process(tmp_path: Path) -> None:
    code = ("from asylum_prep.evidence import office\n"
            f"assert office.docx_to_pdf(Path({str(tmp_path / 'in.docx')!r}).read_bytes())\n")
    (tmp_path / "in.docx").write_bytes(_word("Fallback text."))
    base = tmp_path / "base"
    base.mkdir()
    subprocess.run([sys.executable, "-c", f"from pathlib import Path\nfrom asylum_prep import "
                    f"scratch\nscratch.RAM_DIR = Path({str(base)!r})\n{code}"],
                   check=True, timeout=180, cwd=ROOT)
    assert list(base.iterdir()) == []


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and text.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_a_conversion_killed_with_sigkill_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    """The app is killed while LibreOffice works: its scratch directory (with the document in
    it) is left behind, LibreOffice dies with it, and the next process removes the directory."""
    base = tmp_path / "base"
    base.mkdir()
    long = docx.Document()
    for n in range(8000):  # several seconds of work for LibreOffice
        long.add_paragraph(f"Paragraph {n} of a long statement, killed in the middle. " * 3)
    long.save(str(tmp_path / "in.docx"))
    code = (f"from pathlib import Path\nfrom asylum_prep import scratch\n"
            f"scratch.RAM_DIR = Path({str(base)!r})\n"
            "from asylum_prep.evidence import office\n"
            f"office.docx_to_pdf(Path({str(tmp_path / 'in.docx')!r}).read_bytes())\n")
    app = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        started: list[Path] = []
        while time.monotonic() < deadline and not started:
            started = [p for p in base.glob(f"{scratch.PREFIX}*/office-*/profile/user/*")
                       if p.name != "registrymodifications.xcu"]  # LibreOffice is writing
            time.sleep(0.02)
        assert started, "LibreOffice did not start"
        os.kill(app.pid, signal.SIGKILL)
    finally:
        app.kill()
        app.wait()
    (left,) = _ours(base)
    assert any(left.rglob("document.docx"))
    if office.sandbox_prefix()[:1] == ("setpriv",):
        deadline = time.monotonic() + 1.0  # the kill cascades at once; the work would not end
        while _processes_mentioning(str(left)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_mentioning(str(left)) == []  # no orphaned LibreOffice
    subprocess.run([sys.executable, "-c", f"from pathlib import Path\nfrom asylum_prep import "
                    f"scratch\nscratch.RAM_DIR = Path({str(base)!r})\nscratch.root()"],
                   check=True, timeout=60, cwd=ROOT)
    assert list(base.iterdir()) == []


def test_a_conversion_past_its_time_is_killed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "SOFFICE_TIMEOUT", 0.3)
    assert rendition.docx_to_pdf(_word("Too slow.")) is None
    root = str(scratch.root())
    deadline = time.monotonic() + 2
    while _processes_mentioning(root) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_mentioning(root) == []  # LibreOffice and its helpers are gone
    assert [p.name for p in scratch.root().iterdir()] == [scratch.LOCK_NAME]
