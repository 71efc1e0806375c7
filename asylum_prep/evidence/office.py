"""LibreOffice, run so that a hostile Word document can neither reach the network nor leave
anything on disk.

Word documents are converted to PDF by LibreOffice headless: the only faithful converter
available offline. Each conversion:

- works in its own private directory inside the process's scratch space (`asylum_prep.scratch`:
  in RAM, mode 0700, removed afterwards, and removed at the next start if the process was
  killed), which is also LibreOffice's home, TMPDIR and XDG directories, so the document's text
  is never written to the system's temporary directory;
- uses a fresh private profile (`-env:UserInstallation`) whose settings turn off what reaches
  outside the file: links to outside files and pictures are never updated or loaded
  (BlockUntrustedRefererLinks, link updates "never"), macros never run;
- runs in a new network namespace with no interface but a loopback that is down
  (`unshare -rn`): even a link the settings miss cannot reach any address, 127.0.0.1
  included. Where namespaces are not allowed (some containers) it runs without one and a
  warning is logged once; the settings above still apply;
- runs as PID 1 of its own PID namespace when available, with the parent-death signal set
  (`setpriv --pdeathsig KILL`, `unshare --kill-child`), so LibreOffice dies with the app
  instead of living on as an orphan; a timeout kills its whole process group.

External relationships were already removed from the document (docx_clean); these layers make
sure that a miss there still fetches nothing.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import signal
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from asylum_prep import scratch

SOFFICE_TIMEOUT = 120
PROBE_TIMEOUT = 10

# (configuration path, property, value) written to the private profile.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # 0 = never
    ("/org.openoffice.Office.Writer/Content/Update", "Field", "false"),
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
)

# Tried in order; the first that runs `true` successfully is used.
SANDBOXES: tuple[tuple[str, ...], ...] = (
    ("setpriv", "--pdeathsig", "KILL", "--",
     "unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--"),
    ("unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--"),
    ("unshare", "--user", "--map-root-user", "--net", "--"),
)

log = logging.getLogger(__name__)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.cache
def sandbox_prefix() -> tuple[str, ...]:
    """The command prefix that cuts LibreOffice off the network, or () where none works."""
    for prefix in SANDBOXES:
        if shutil.which(prefix[0]) is None:
            continue
        try:
            done = subprocess.run([*prefix, "true"], timeout=PROBE_TIMEOUT, check=False,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return prefix
    log.warning("LibreOffice runs WITHOUT a network namespace: `unshare --user --net` is not "
                "allowed here. Its profile still blocks outside links, but allow user "
                "namespaces (or run the app where they are) for the second layer.")
    return ()


def registry_xml() -> str:
    """The private profile's registrymodifications.xcu."""
    items = "".join(
        f'<item oor:path="{escape(path)}"><prop oor:name="{escape(name)}" oor:op="fuse">'
        f'<value>{escape(value)}</value></prop></item>\n'
        for path, name, value in SETTINGS
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            f"{items}</oor:items>\n")


def _environment(workdir: Path) -> dict[str, str]:
    tmp = workdir / "tmp"
    tmp.mkdir(mode=0o700)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir),
           "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp), "LANG": "C.UTF-8",
           "SAL_USE_VCLPLUGIN": "svp"}
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        env[name] = str(tmp)
    return env


def _run(command: list[str], *, env: dict[str, str], cwd: Path) -> bool:
    """Run to completion in its own process group; the whole group is killed on timeout."""
    try:
        proc = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=True,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return False
    try:
        return proc.wait(timeout=SOFFICE_TIMEOUT) == 0
    except subprocess.TimeoutExpired:
        try:  # the group is killed before its leader is reaped, so its id is still ours
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.wait()
        return False


def docx_to_pdf(data: bytes) -> bytes | None:
    """The PDF LibreOffice makes of `data`, or None when it is missing or fails."""
    soffice = soffice_path()
    if soffice is None:
        return None
    with scratch.job("office") as workdir:
        src = workdir / "document.docx"
        src.write_bytes(data)
        profile = workdir / "profile"
        (profile / "user").mkdir(parents=True, mode=0o700)
        (profile / "user" / "registrymodifications.xcu").write_text(registry_xml(), "utf-8")
        command = [*sandbox_prefix(), soffice, f"-env:UserInstallation={profile.as_uri()}",
                   "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                   "--convert-to", "pdf", "--outdir", str(workdir), str(src)]
        if not _run(command, env=_environment(workdir), cwd=workdir):
            return None
        out = workdir / "document.pdf"
        return out.read_bytes() if out.exists() else None
