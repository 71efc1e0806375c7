"""PDF renditions of Word documents and plain text, so they can be counted, previewed and filed.

Text is rendered with WeasyPrint from an escaped template (fast, no subprocess). DOCX is
converted by LibreOffice headless: the only faithful converter available offline. It needs
files, so it runs in a private temporary directory (mode 0700, its own LibreOffice profile, no
network: external relationships were refused or stripped before) that is deleted afterwards.
That directory is made in RAM (/dev/shm, a tmpfs on Linux) when there is one, so the
applicant's plaintext document never reaches a disk that could keep it after deletion; only
where /dev/shm is missing does it fall back to the system's temporary directory.
It is slow (seconds), so the rendition is made once at intake and stored as an encrypted
blob with purpose "rendition".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from asylum_prep.errors import N_
from asylum_prep.evidence.html_pdf import html_to_pdf, render_template

SOFFICE_TIMEOUT = 120
RAM_DIR = Path("/dev/shm")  # noqa: S108 - chosen on purpose: memory-backed, see above

W_NO_RENDITION = N_("This Word document could not be converted to PDF here, so it cannot be "
                    "counted or put in the exhibit packet. Save it as PDF and add the PDF.")


def text_to_pdf(text: str, *, lang: str = "und", page_size: str = "letter") -> bytes:
    return html_to_pdf(render_template("text.html", text=text, lang=lang or "und",
                                       page_size=page_size))


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> bytes | None:
    """The PDF LibreOffice makes of `data`, or None when it is missing or fails."""
    soffice = soffice_path()
    if soffice is None:
        return None
    in_ram = RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK)
    workdir = tempfile.mkdtemp(prefix="ap-", dir=RAM_DIR if in_ram else None)
    try:
        os.chmod(workdir, 0o700)
        src = Path(workdir) / "document.docx"
        src.write_bytes(data)
        profile = Path(workdir) / "profile"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": workdir,
               "LANG": "C.UTF-8", "SAL_USE_VCLPLUGIN": "svp"}
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                 "--nolockcheck", "--convert-to", "pdf", "--outdir", workdir, str(src)],
                check=True, timeout=SOFFICE_TIMEOUT, env=env, cwd=workdir,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
            return None
        out = Path(workdir) / "document.pdf"
        return out.read_bytes() if out.exists() else None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
