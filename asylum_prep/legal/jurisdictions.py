"""The legal elements of a protection claim in each supported jurisdiction.

Taken only from the domain notes the project was designed from; nothing here is
researched afresh. Every citation carries the date it was last reviewed ("as of") because the
law changes; items the notes mark "(verify)" keep that mark. The attorney who files checks
them. Element keys are stable across jurisdictions so links and dismissals survive; titles
and tests differ per jurisdiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.errors import N_, InputRefused

AS_OF = "2026-11-21"


@dataclass(frozen=True)
class Citation:
    text: str
    as_of: str = AS_OF
    verify: bool = False


@dataclass(frozen=True)
class ElementSpec:
    key: str
    title: str
    test: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Protection:
    key: str
    title: str
    standard: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class JurisdictionSpec:
    code: str
    name: str
    protections: tuple[Protection, ...]
    elements: tuple[ElementSpec, ...]

    def element(self, key: str) -> ElementSpec | None:
        return next((e for e in self.elements if e.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.elements)


def C(text: str, verify: bool = False) -> Citation:  # noqa: N802 - short data constructor
    return Citation(text, AS_OF, verify)


_GROUNDS = N_("Race, religion, nationality, membership of a particular social group or "
              "political opinion.")

US = JurisdictionSpec(
    code="us",
    name=N_("United States: asylum, withholding of removal and Convention against Torture"),
    protections=(
        Protection("asylum", N_("Asylum"),
                   N_("A reasonable possibility of persecution, which can be well below 50%: "
                      "would a reasonable person in her circumstances fear persecution."),
                   (C("INA 101(a)(42)"), C("INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)"),
                    C("Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)"))),
        Protection("withholding", N_("Withholding of removal"),
                   N_("Persecution more likely than not; mandatory if the standard is met."),
                   (C("INA 241(b)(3)"), C("INS v. Stevic, 467 U.S. 407 (1984)"),
                    C("8 CFR 1208.16"))),
        Protection("cat", N_("Protection under the Convention against Torture"),
                   N_("Torture more likely than not, by or with the acquiescence of a public "
                      "official; mandatory if the standard is met."),
                   (C("8 CFR 1208.16-1208.18"),)),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Protected ground"), _GROUNDS,
                    (C("INA 101(a)(42)"),)),
        ElementSpec("nexus", N_("Nexus: on account of a protected ground"),
                    N_("A ground was or will be at least one central reason; the victim's "
                       "opinion, actual or imputed, not the persecutor's."),
                    (C("INA 208(b)(1)(B)(i)"), C("INS v. Elias-Zacarias, 502 U.S. 478 (1992)"))),
        ElementSpec("harm", N_("Harm amounting to persecution"),
                    N_("Severe harm or the threat of it."), (C("INA 101(a)(42)"),)),
        ElementSpec("agent_state_protection", N_("Agent of persecution and state protection"),
                    N_("The government, or actors it is unable or unwilling to control."),
                    (C("INA 101(a)(42)"),)),
        ElementSpec("past_persecution", N_("Past persecution"),
                    N_("Past persecution raises a presumption of well-founded fear, rebuttable "
                       "by changed circumstances or reasonable relocation; severe past harm may "
                       "support humanitarian asylum."),
                    (C("8 CFR 1208.13(b)(1)"), C("Matter of Chen, 20 I&N Dec. 16 (BIA 1989)"))),
        ElementSpec("subjective_fear", N_("Subjective fear"),
                    N_("The applicant genuinely fears return."),
                    (C("Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)"),)),
        ElementSpec("objective_fear", N_("Objective basis of fear"),
                    N_("A reasonable person in her circumstances would fear persecution; "
                       "country conditions support it."),
                    (C("INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)"), C("8 CFR 1208.12(a)"))),
        ElementSpec("internal_relocation", N_("Internal relocation"),
                    N_("Relocation within the country must be both possible and reasonable."),
                    (C("8 CFR 1208.13(b)(3)"),)),
        ElementSpec("timeliness", N_("One-year filing deadline"),
                    N_("File within one year of the last arrival unless changed or "
                       "extraordinary circumstances excuse the delay."),
                    (C("INA 208(a)(2)(B), (D)"), C("8 CFR 1208.4"))),
        ElementSpec("bars", N_("Bars to protection"),
                    N_("Persecutor, particularly serious crime, serious nonpolitical crime, "
                       "security, terrorism, firm resettlement."),
                    (C("INA 208(b)(2)(A)"), C("8 CFR 208.15"))),
        ElementSpec("torture_official", N_("Torture by or with the acquiescence of an official"),
                    N_("Torture more likely than not, by or with the acquiescence of a public "
                       "official."),
                    (C("8 CFR 1208.16-1208.18"),)),
    ),
)

UK = JurisdictionSpec(
    code="uk",
    name=N_("United Kingdom: refugee status and humanitarian protection"),
    protections=(
        Protection("refugee", N_("Refugee status"),
                   N_("Balance of probabilities for the characteristic and the fear; "
                      "reasonable likelihood for the risk."),
                   (C("Refugee Convention art. 1A(2)"),
                    C("Nationality and Borders Act 2022 Part 2, s.32"))),
        Protection("humanitarian", N_("Humanitarian protection and ECHR art. 3"),
                   N_("Real risk of torture or inhuman or degrading treatment; absolute."),
                   (C("ECHR art. 3 via the Human Rights Act 1998"),
                    C("Chahal v. UK (1996)"), C("Saadi v. Italy (2008)"))),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Convention reason"), _GROUNDS,
                    (C("Refugee Convention art. 1A(2)"),)),
        ElementSpec("nexus", N_("For reasons of a Convention reason"),
                    N_("Persecution for reasons of the ground; attributed characteristics count."),
                    (C("Refugee Convention art. 1A(2)"),)),
        ElementSpec("harm", N_("Persecution"), N_("Serious harm amounting to persecution."),
                    (C("Refugee Convention art. 1A(2)"),)),
        ElementSpec("agent_state_protection", N_("Absence of state protection"),
                    N_("The state does not provide protection against the harm."),
                    (C("Nationality and Borders Act 2022 s.34"),)),
        ElementSpec("subjective_fear", N_("Fear of persecution"),
                    N_("The applicant fears return; balance of probabilities."),
                    (C("Nationality and Borders Act 2022 s.32"),)),
        ElementSpec("objective_fear", N_("Well-founded fear: real risk"),
                    N_("A reasonable likelihood of persecution on return."),
                    (C("Nationality and Borders Act 2022 s.32"),)),
        ElementSpec("internal_relocation", N_("Internal relocation"),
                    N_("Whether the applicant could reasonably relocate within the country."),
                    (C("Nationality and Borders Act 2022 s.35"),)),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion from protection under article 1F."),
                    (C("Refugee Convention art. 1F"),)),
        ElementSpec("torture_official", N_("Torture or inhuman treatment (ECHR art. 3)"),
                    N_("A real risk of torture or inhuman or degrading treatment."),
                    (C("ECHR art. 3 via the Human Rights Act 1998"),)),
    ),
)

CA = JurisdictionSpec(
    code="ca",
    name=N_("Canada: Convention refugee (s.96) and person in need of protection (s.97)"),
    protections=(
        Protection("s96", N_("Convention refugee (IRPA s.96)"),
                   N_("More than a mere possibility of persecution on one of the five grounds."),
                   (C("IRPA s.96"),)),
        Protection("s97", N_("Person in need of protection (IRPA s.97)"),
                   N_("More likely than not: torture, risk to life or of cruel and unusual "
                      "treatment, faced in every part of the country."),
                   (C("IRPA s.97"),)),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Convention ground (s.96)"), _GROUNDS,
                    (C("IRPA s.96"),)),
        ElementSpec("nexus", N_("By reason of a Convention ground"),
                    N_("Persecution by reason of the ground."), (C("IRPA s.96"),)),
        ElementSpec("harm", N_("Persecution or s.97 harm"),
                    N_("Persecution (s.96); torture, risk to life, cruel and unusual treatment "
                       "(s.97)."), (C("IRPA s.96"), C("IRPA s.97"))),
        ElementSpec("agent_state_protection", N_("State protection"),
                    N_("The state is unable or unwilling to protect."), (C("IRPA s.96"),)),
        ElementSpec("subjective_fear", N_("Subjective fear"),
                    N_("The claimant fears return."), (C("IRPA s.96"),)),
        ElementSpec("objective_fear", N_("Objective basis of fear"),
                    N_("More than a mere possibility of persecution (s.96)."), (C("IRPA s.96"),)),
        ElementSpec("internal_relocation", N_("Internal flight alternative"),
                    N_("Under s.97 the risk must be faced in every part of the country."),
                    (C("IRPA s.97"),)),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion under articles 1E and 1F."),
                    (C("Refugee Convention arts 1E, 1F"),)),
        ElementSpec("torture_official", N_("Risk of torture, to life or of cruel treatment (s.97)"),
                    N_("More likely than not, faced personally and in every part of the "
                       "country."), (C("IRPA s.97"),)),
    ),
)

EU = JurisdictionSpec(
    code="eu",
    name=N_("European Union: Qualification Directive (refugee and subsidiary protection)"),
    protections=(
        Protection("refugee", N_("Refugee status"),
                   N_("Assessment under article 4 (verify)."),
                   (C("Qualification Directive 2011/95/EU arts 9-10, carried into Regulation "
                      "(EU) 2024/1347"), C("Qualification Directive art. 4", verify=True))),
        Protection("subsidiary", N_("Subsidiary protection"),
                   N_("Serious harm: death penalty, torture or inhuman treatment, or "
                      "indiscriminate violence in armed conflict."),
                   (C("Qualification Directive art. 15"),)),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Reason for persecution"), _GROUNDS,
                    (C("Qualification Directive art. 10"),)),
        ElementSpec("nexus", N_("Connection between the acts and the reasons"),
                    N_("Attributed characteristics count."),
                    (C("Qualification Directive arts 9(3), 10(2)"),)),
        ElementSpec("harm", N_("Acts of persecution"),
                    N_("An act sufficiently serious by its nature or repetition, or an "
                       "accumulation of measures."), (C("Qualification Directive art. 9(1)"),)),
        ElementSpec("agent_state_protection", N_("Actors of persecution and of protection"),
                    N_("Who persecutes and whether anyone protects."),
                    (C("Qualification Directive arts 6-7"),)),
        ElementSpec("past_persecution", N_("Past persecution as a serious indication"),
                    N_("Past persecution is a serious indication of well-founded fear (verify)."),
                    (C("Qualification Directive art. 4(4)", verify=True),)),
        ElementSpec("subjective_fear", N_("Fear of persecution"),
                    N_("The applicant fears return."), (C("Qualification Directive art. 2(d)"),)),
        ElementSpec("objective_fear", N_("Well-founded fear"),
                    N_("The fear is well founded on the facts and country information (verify)."),
                    (C("Qualification Directive art. 4", verify=True),)),
        ElementSpec("internal_relocation", N_("Internal protection"),
                    N_("Whether protection is available in part of the country."),
                    (C("Qualification Directive art. 8"),)),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion from refugee and subsidiary status."),
                    (C("Qualification Directive arts 12, 17"),)),
        ElementSpec("torture_official", N_("Serious harm (subsidiary protection)"),
                    N_("Death penalty, torture or inhuman treatment, or indiscriminate "
                       "violence in armed conflict."), (C("Qualification Directive art. 15"),)),
    ),
)

JURISDICTIONS: dict[str, JurisdictionSpec] = {j.code: j for j in (US, UK, CA, EU)}


def get(code: str) -> JurisdictionSpec:
    spec = JURISDICTIONS.get(str(code))
    if spec is None:
        raise InputRefused(N_("Unknown jurisdiction: choose us, uk, ca or eu."))
    return spec


def element_titles(code: str) -> dict[str, str]:
    """Element key -> its title in this jurisdiction (an N_ source, translated at the edge):
    the one mapping to use wherever an element is named to a reader."""
    return {e.key: e.title for e in get(code).elements}
