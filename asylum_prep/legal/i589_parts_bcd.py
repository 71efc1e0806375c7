"""Form I-589, Parts B (the claim), C (additional questions), D (signature) and E (preparer),
and the headers of Supplements A and B, item by item.

The yes/no questions of Part B are worked out from the applicant's answers and say "yes" only
when those show it (B.1.A: an incident, harm to someone close, or family harmed; B.2: a
legal event abroad or a detention); otherwise they stay blank for the team, never "no" by
default. The explanations are the applicant's own words, each led in by what it answers
("Incident 2, 05/2022: what happened"), read through their English translations by the
document. Part C, item 5 (filed more than a year after the last arrival) comes from the
one-year deadline (`legal.deadline`). The 2019 edition has no interpreter part: its Parts F
and G are completed at the interview or hearing, by hand, and are not in this map.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.deadline import one_year_deadline
from asylum_prep.legal.i589_items import (
    BLANK,
    Answer,
    Builder,
    By,
    FormItem,
    Kind,
    Piece,
    Reader,
    box,
    fixed,
    form_date,
    joined,
    value_of,
    words,
)

GROUNDS = (
    ("race", "Race", (Ground.race,)),
    ("religion", "Religion", (Ground.religion,)),
    ("nationality", "Nationality", (Ground.nationality,)),
    ("political", "Political opinion", (Ground.political_opinion,
                                         Ground.imputed_political_opinion)),
    ("social_group", "Membership in a particular social group",
     (Ground.particular_social_group,)),
)


def _ground(grounds: tuple[Ground, ...]) -> Reader:
    return lambda r: Answer(True) if set(grounds) & set(r.beliefs.grounds) else BLANK


def _torture_box(record: CaseRecord) -> Answer:
    return Answer(True) if record.fear.torture_fear is YesNo.yes else BLANK


def _grounds_named(record: CaseRecord) -> Answer:
    chosen = [label for _, label, g in GROUNDS if set(g) & set(record.beliefs.grounds)]
    if record.fear.torture_fear is YesNo.yes:
        chosen.append("Torture Convention")
    return Answer(", ".join(chosen)) if chosen else BLANK


def _lead(n: int, when: object, what: str, kind: str = "Incident") -> str:
    shown = form_date(when) if when is not None else None  # type: ignore[arg-type]
    return f"{kind} {n}" + (f", {shown}" if shown else "") + f": {what}"


def _harm_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for n, i in enumerate(record.incidents.items, start=1):
        base = f"incidents.items.{i.id}"
        for field, what in (("what_happened", "what happened"), ("place", "where"),
                            ("perpetrator_detail", "who caused it"),
                            ("why_targeted", "why it happened")):
            if str(getattr(i, field)).strip():
                out.append(Piece(f"{base}.{field}", _lead(n, i.date, what)))
    for n, o in enumerate(record.harm_to_others.others, start=1):
        base = f"harm_to_others.others.{o.id}"
        for field, what in (("person", "who was harmed"), ("what_happened", "what happened"),
                            ("why", "why it happened")):
            if str(getattr(o, field)).strip():
                out.append(Piece(f"{base}.{field}", _lead(n, o.date, what, "Harm to another")))
    for m in record.family.members:
        if m.harmed is YesNo.yes and m.harm_description.strip():
            out.append(Piece(f"family.members.{m.id}.harm_description",
                             "Harm to a family member"))
    return tuple(out)


def _harm_yes(record: CaseRecord) -> Answer:
    return Answer("yes") if _harm_pieces(record) or record.incidents.items else BLANK


def _pieces(pieces: Callable[[CaseRecord], tuple[Piece, ...]]) -> Reader:
    return lambda r: Answer(pieces=p) if (p := pieces(r)) else BLANK


def _fear_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    return tuple(Piece(f"fear.{f}", lead) for f, lead in (
        ("what_harm", "What harm I fear"), ("who", "Who would harm me"),
        ("why", "Why I would be harmed")) if getattr(record.fear, f).strip())


def _fear_yes(record: CaseRecord) -> Answer:
    return Answer("yes") if _fear_pieces(record) else BLANK


def _legal_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for n, e in enumerate(record.harm_to_others.legal_events, start=1):
        base = f"harm_to_others.legal_events.{e.id}"
        for field, what in (("description", f"{e.kind.value.replace('_', ' ')}"),
                            ("authority", "by whom"), ("outcome", "outcome")):
            if str(getattr(e, field)).strip():
                out.append(Piece(f"{base}.{field}", _lead(n, e.start, what, "Legal event")))
    for n, i in enumerate(record.incidents.items, start=1):
        if i.detained is YesNo.yes and i.what_happened.strip():
            out.append(Piece(f"incidents.items.{i.id}.what_happened",
                             _lead(n, i.date, "detained (see item 1.A)")))
    return tuple(out)


def _membership_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for n, m in enumerate(record.beliefs.memberships, start=1):
        base = f"beliefs.memberships.{m.id}"
        span = " to ".join(x for x in (form_date(m.start), form_date(m.end)) if x)
        lead = f"Organisation {n}" + (f" ({span})" if span else "")
        for field, what in (("organisation", "name"), ("role", "role or position"),
                            ("description", "participation")):
            if str(getattr(m, field)).strip():
                out.append(Piece(f"{base}.{field}", f"{lead}: {what}"))
    return tuple(out)


def _route_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for n, t in enumerate(record.leaving.route, start=1):
        span = " to ".join(x for x in (form_date(t.arrived), form_date(t.left)) if x)
        lead = f"Country passed through {n}" + (f" ({span})" if span else "")
        for field, what in (("country", "country"), ("status_detail", "status"),
                            ("why_not_stay", "why I did not stay")):
            if str(getattr(t, field)).strip():
                out.append(Piece(f"leaving.route.{t.id}.{field}", f"{lead}: {what}"))
    if record.screening.status_elsewhere_detail.strip():
        out.append(Piece("screening.status_elsewhere_detail", "Status in another country"))
    return tuple(out)


def _status_elsewhere(record: CaseRecord) -> Answer:
    if record.screening.status_elsewhere is YesNo.yes or any(
            t.status_offered is YesNo.yes for t in record.leaving.route):
        return Answer("yes")
    return value_of(record.screening.status_elsewhere)


def _late(today: date | None) -> Reader:
    def read(record: CaseRecord) -> Answer:
        info = one_year_deadline(record, today=today)
        if info.filed_in_time is False or info.level == "overdue":
            return Answer("yes")
        if info.filed_in_time is True or info.level not in ("unknown", "overdue"):
            return Answer("no")
        return BLANK
    return read


def _late_pieces(record: CaseRecord) -> tuple[Piece, ...]:
    return tuple(Piece(f"timing.{f}", lead) for f, lead in (
        ("changed_circumstances", "Changed circumstances"),
        ("extraordinary_circumstances", "Extraordinary circumstances"),
        ("why_now", "Why I am applying now")) if getattr(record.timing, f).strip())


def _crimes_in_us(record: CaseRecord) -> Answer:
    """The team's answer; else "no" when the applicant said she never committed a crime or
    was arrested anywhere (the wizard asks of every country, the form of the US only)."""
    if record.form_details.crimes_in_us is not YesNo.unknown:
        return value_of(record.form_details.crimes_in_us)
    return Answer("no") if record.screening.serious_crimes is YesNo.no else BLANK


def _full_name(record: CaseRecord) -> Answer:
    a = record.about
    return joined(words("about.given_names"), fixed("form_details.middle_name"),
                  words("about.family_name"), sep=" ")(record) if (
        a.given_names or a.family_name) else BLANK


def _is_yes(key_reader: Reader) -> Callable[[CaseRecord], bool]:
    return lambda r: key_reader(r).value == "yes"


def _question(b: Builder, number: str, label: str, path: str, yes_no: Reader,
              explain: Reader, explain_label: str, by: By = By.applicant,
              when: Callable[[CaseRecord], bool] | None = None, detail: str = ""
              ) -> list[FormItem]:
    """A yes/no question (asked when `when` holds, else always) and its explanation
    (required when the answer is yes), read from `<path>_detail` for a plain answer."""
    plain = "," not in path and ":" not in path
    detail = detail or (f"{path}_detail" if plain
                        else path.replace("computed: ", "") + " (detail)")
    return [
        b.item(number, label, Kind.yes_no, path, yes_no, by=by,
               required=when or (lambda r: True)),
        b.item(number, explain_label, Kind.text, detail, explain, sub="explain",
               required=_is_yes(yes_no)),
    ]


def claim_items(record: CaseRecord, today: date | None = None) -> list[FormItem]:
    b = Builder("B", by=By.computed)
    out = [b.item("1", "I am seeking asylum or withholding of removal based on", Kind.text,
                  "beliefs.grounds, fear.torture_fear", _grounds_named,
                  required=lambda r: True)]
    out += [b.item("1", label, Kind.checkbox, "beliefs.grounds", _ground(g), sub=sub)
            for sub, label, g in GROUNDS]
    out.append(b.item("1", "Torture Convention", Kind.checkbox, "fear.torture_fear",
                      _torture_box, sub="torture"))
    out += _question(b, "1.A", "Have you, your family, or close friends or colleagues ever "
                     "experienced harm or mistreatment or threats in the past by anyone?",
                     "computed: incidents, harm_to_others, family harm", _harm_yes,
                     _pieces(_harm_pieces), "If yes: what happened, when, who caused it, and "
                     "why you believe it occurred")
    out += _question(b, "1.B", "Do you fear harm or mistreatment if you return to your home "
                     "country?", "fear.what_harm, fear.who, fear.why", _fear_yes,
                     _pieces(_fear_pieces),
                     "If yes: what harm you fear, who would harm you, and why")
    out += _question(b, "2", "Have you or your family members ever been accused, charged, "
                     "arrested, detained, interrogated, convicted and sentenced, or imprisoned "
                     "in any country other than the United States?",
                     "computed: harm_to_others.legal_events, incidents detained",
                     lambda r: Answer("yes") if _legal_pieces(r) else BLANK,
                     _pieces(_legal_pieces), "If yes: the circumstances and reasons")
    out += _question(b, "3.A", "Have you or your family members ever belonged to or been "
                     "associated with any organizations or groups in your home country?",
                     "computed: beliefs.memberships",
                     lambda r: Answer("yes") if r.beliefs.memberships else BLANK,
                     _pieces(_membership_pieces), "If yes: each organization, the level of "
                     "participation, positions held and how long")
    out += _question(b, "3.B", "Do you or your family members continue to participate in any "
                     "way in these organizations or groups?", "form_details.groups_continue",
                     fixed("form_details.groups_continue"),
                     fixed("form_details.groups_continue_detail"),
                     "If yes: the current participation",
                     by=By.staff, when=lambda r: bool(r.beliefs.memberships))
    out += _question(b, "4", "Are you afraid of being subjected to torture in your home "
                     "country or any other country to which you may be returned?",
                     "fear.torture_fear", fixed("fear.torture_fear"),
                     words("fear.torture_detail"), "If yes: why, the torture you fear, by "
                     "whom, and why", by=By.applicant, detail="fear.torture_detail")
    c = Builder("C")
    out += _question(c, "1", "Have you, your spouse, your children, your parents or your "
                     "siblings ever applied to the U.S. Government for refugee status, "
                     "asylum, or withholding of removal?", "screening.prior_applications",
                     fixed("screening.prior_applications"),
                     words("screening.prior_applications_detail"), "If yes: the decision "
                     "and what happened to any status received")
    out.append(c.item("2.A", "After leaving the country from which you are claiming asylum, "
                      "did you or your spouse or children who are now in the U.S. travel "
                      "through or reside in any other country before entering the U.S.?",
                      Kind.yes_no, "computed: leaving.route",
                      lambda r: Answer("yes") if r.leaving.route else BLANK, by=By.computed,
                      required=lambda r: True))
    out += _question(c, "2.B", "Have you, your spouse, your child(ren), or other family "
                     "members ever applied for or received any lawful status in any country "
                     "other than the one from which you are now claiming asylum?",
                     "screening.status_elsewhere, leaving.route", _status_elsewhere,
                     _pieces(_route_pieces), "If yes to 2.A or 2.B: each country, the length "
                     "of stay, the person's status there and why they did not stay")
    out += _question(c, "3", "Have you, your spouse or your child(ren) ever ordered, incited, "
                     "assisted or otherwise participated in causing harm or suffering to any "
                     "person because of race, religion, nationality, membership in a "
                     "particular social group or political opinion?",
                     "screening.harmed_others", fixed("screening.harmed_others"),
                     words("screening.harmed_others_detail"), "If yes: each incident and "
                     "the person's involvement")
    out += _question(c, "4", "After you left the country where you were harmed or fear harm, "
                     "did you return to that country?", "screening.returned_home",
                     fixed("screening.returned_home"), words("screening.returned_home_detail"),
                     "If yes: the dates, purpose and length of each trip")
    out += _question(c, "5", "Are you filing this application more than 1 year after your "
                     "last arrival in the United States?", "computed: legal.deadline",
                     _late(today), _pieces(_late_pieces), "If yes: why you did not file "
                     "within the first year after you arrived", by=By.computed)
    out += _question(c, "6", "Have you or any member of your family included in the "
                     "application ever committed any crime and/or been arrested, charged, "
                     "convicted, or sentenced for any crimes in the United States?",
                     "form_details.crimes_in_us, screening.serious_crimes",
                     _crimes_in_us, words("screening.serious_crimes_detail"),
                     "If yes: each instance, the country and the outcome",
                     detail="screening.serious_crimes_detail")
    return out


def signature_items(record: CaseRecord) -> list[FormItem]:
    d = Builder("D")
    s = Builder("D", by=By.staff)
    fd = "form_details"
    out = [
        d.item("", "Print your complete name", Kind.text,
               "about.given_names, form_details.middle_name, about.family_name", _full_name,
               by=By.computed, required=lambda r: True, latin=True, sub="name"),
        d.item("", "Write your name in your native alphabet", Kind.text,
               "about.name_native_script", words("about.name_native_script"),
               required=lambda r: True, sub="native"),
        s.item("1", "Did your spouse, parent, or child(ren) assist you in completing this "
               "application?", Kind.yes_no, f"{fd}.family_helped", fixed(f"{fd}.family_helped"),
               required=lambda r: True),
    ]
    for n in (1, 2):
        out += [s.item("1", f"Name {n}", Kind.text, f"{fd}.helper_{n}_name",
                       fixed(f"{fd}.helper_{n}_name"), sub=f"name.{n}", latin=True),
                s.item("1", f"Relationship {n}", Kind.text, f"{fd}.helper_{n}_relationship",
                       fixed(f"{fd}.helper_{n}_relationship"), sub=f"relationship.{n}")]
    out += [
        s.item("2", "Did someone other than your spouse, parent, or child(ren) prepare this "
               "application?", Kind.yes_no, f"{fd}.other_preparer",
               fixed(f"{fd}.other_preparer"), required=lambda r: True),
        s.item("3", "Have you been provided with a list of persons who may be available to "
               "assist you, at little or no cost, with your asylum claim?", Kind.yes_no,
               f"{fd}.counsel_list_given", fixed(f"{fd}.counsel_list_given"),
               required=lambda r: True),
    ]
    e = Builder("E", by=By.staff)
    prepared = _is_yes(fixed(f"{fd}.other_preparer"))
    for sub, label, field, req in (
            ("name", "Print Complete Name of Preparer", "preparer_name", True),
            ("street", "Address of Preparer: Street Number and Name", "preparer_street", True),
            ("apt", "Address of Preparer: Apt. Number", "preparer_apt", False),
            ("city", "Address of Preparer: City", "preparer_city", True),
            ("state", "Address of Preparer: State", "preparer_state", True),
            ("zip", "Address of Preparer: Zip Code", "preparer_zip", True),
            ("phone", "Daytime Telephone Number", "preparer_phone", True),
            ("bar_number", "Attorney State Bar Number (if applicable)", "preparer_bar_number",
             False),
            ("uscis_account", "Attorney or Accredited Representative USCIS Online Account "
             "Number (if any)", "preparer_uscis_account", False)):
        out.append(e.item("", label, Kind.text, f"{fd}.{field}", fixed(f"{fd}.{field}"),
                          required=prepared if req else None, latin=True, sub=sub))
    out.append(e.item("", "Check this box if Form G-28 is attached (attorney "
                      "or accredited representative)", Kind.checkbox,
                      f"{fd}.preparer_is_representative",
                      box(f"{fd}.preparer_is_representative"), sub="representative"))
    return out
