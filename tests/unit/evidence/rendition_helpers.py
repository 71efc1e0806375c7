"""Helpers the rendition tests share: add a file as the paralegal, read a PDF's text."""

from __future__ import annotations

import subprocess

from asylum_prep.services import cases
from asylum_prep.services import evidence as ev


def add(store, people, data: bytes, title: str) -> str:
    v = cases.open_case(store, people.attorney, people.case_id).version
    return ev.add_evidence(store, people.paralegal, people.case_id, data=data, filename="f",
                           title=title, base_version=v)[0]


def pdftotext(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
