"""PDF forms for the form import and filling tests: the official I-589 copy kept outside the
repository (skipped with a reason when absent) and small forms built here, hostile ones too."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

ROOT = Path(__file__).resolve().parents[3]
I589_NAME = "i-589-rev-2019-04-09.pdf"
# The worktree or clone sits next to `shared/` (a clone) or one folder deeper (a worktree).
_CANDIDATES = (ROOT / ".." / "shared" / "forms", ROOT / ".." / ".." / "shared" / "forms")
A = "form1[0].#subform[0]."
LAST, FIRST, DOB, NATIONALITY = (f"{A}PtAILine4_LastName[0]", f"{A}PtAILine5_FirstName[0]",
                                 f"{A}DateTimeField1[0]", f"{A}TextField1[3]")
MALE, FEMALE, A_NUMBER = f"{A}PartALine9Gender[0]", f"{A}PartALine9Gender[1]", \
    f"{A}PtAILine1_ANumber[0]"
CITY_OF_BIRTH = f"{A}TextField1[4]"
PART_B_1A = "form1[0].#subform[5].#subform[6].TextField14[0]"


def i589_path() -> Path:
    for folder in _CANDIDATES:
        if (folder / I589_NAME).is_file():
            return (folder / I589_NAME).resolve()
    pytest.skip(f"the official form copy {I589_NAME} is not in ../shared/forms next to the "
                "repository (see docs/architecture.md, official forms)")


def i589_bytes() -> bytes:
    return i589_path().read_bytes()


def small_form(*, footer: str = "Form I-589 (Rev. 04/09/19)", javascript: bool = False,
               field_action: bool = False, fields: bool = True, comb: bool = False) -> bytes:
    """A one-page form: a text field "name", a multiline "story", a checkbox "sex" with the
    on-value /F, and the footer text; optionally a comb field "anum" of 9 cells, a document
    script or a field's action."""
    pdf = pikepdf.new()
    helv = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding))
    courier = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Courier,
        Encoding=Name.WinAnsiEncoding, FirstChar=32, LastChar=126,
        Widths=Array([600] * 95)))
    content = f"BT /Helv 9 Tf 36 20 Td ({footer}) Tj ET".encode()
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = Dictionary(Font=Dictionary(Helv=helv))
    page.obj.Contents = pdf.make_stream(content)
    if fields:
        on = pdf.make_stream(b"q 0 g 1 1 8 8 re f Q")
        off = pdf.make_stream(b"")
        name = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("name"),
            Rect=Array([36, 700, 236, 716]), DA=String("/Cour 9 Tf 0 g"), MaxLen=30, F=4,
            P=page.obj))
        story = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("story"), Ff=4096,
            Rect=Array([36, 480, 336, 560]), DA=String("/Cour 10 Tf 0 g"), F=4, P=page.obj))
        sex = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, T=String("sex"), V=Name.Off,
            AS=Name.Off, Rect=Array([36, 650, 46, 660]), F=4, P=page.obj,
            AP=Dictionary(N=Dictionary(F=on, Off=off))))
        if field_action:
            name.AA = Dictionary(K=Dictionary(S=Name.JavaScript, JS=String("app.alert(1)")))
        widgets = [name, story, sex]
        if comb:
            widgets.append(pdf.make_indirect(Dictionary(
                Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("anum"),
                Ff=1 << 24, MaxLen=9, Rect=Array([36, 600, 216, 618]),
                DA=String("/Cour 10 Tf 0 g"), F=4, P=page.obj)))
        page.obj.Annots = Array(widgets)
        pdf.Root.AcroForm = Dictionary(
            Fields=Array(widgets), DA=String("/Helv 0 Tf 0 g"),
            DR=Dictionary(Font=Dictionary(Helv=helv, Cour=courier)))
    if javascript:
        action = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert(1)")))
        pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("run"), action])))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted(data: bytes, *, user: str = "", allow_forms: bool = True) -> bytes:
    """`data` encrypted (AES-256) with this user password and form filling allowed or not."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(
            owner="owner secret", user=user, R=6,
            allow=pikepdf.Permissions(modify_form=allow_forms, modify_annotation=allow_forms,
                                      modify_other=False)))
    return out.getvalue()


def field_values(data: bytes) -> dict[str, object]:
    """Every terminal field's /V (as a string or name), by full name."""
    from asylum_prep.documents.pdf_form_fields import terminal_fields

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {ref.info.name: _plain(ref.obj.get("/V")) for ref in terminal_fields(pdf)}


def _plain(value: object) -> object:
    if value is None:
        return None
    return str(value)
