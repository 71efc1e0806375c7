"""The legal elements of a protection claim in each supported jurisdiction.

Taken from the domain notes the project was designed from. Citations are ids in the dated
authorities library (legal/authorities.toml): the text printed, the date it was last checked
("as of") and the "verify" mark all come from there, so a citation cannot drift; an unknown id
fails at import. The attorney who files checks them. Element keys are stable across
jurisdictions so links and dismissals survive; titles and tests differ per jurisdiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.errors import N_, InputRefused
from asylum_prep.legal import authorities


@dataclass(frozen=True)
class Citation:
    """An authority cited by its library id; what is printed comes from the library."""

    id: str

    @property
    def text(self) -> str:
        return authorities.citation(self.id)

    @property
    def as_of(self) -> str:
        """When the authority was last checked against its source."""
        return authorities.get(self.id).checked_as_of.isoformat()

    @property
    def verify(self) -> bool:
        return authorities.get(self.id).verify


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


def C(*ids: str) -> tuple[Citation, ...]:  # noqa: N802 - short data constructor
    """Citations of these library ids (an unknown id raises authorities.UnknownAuthority)."""
    return tuple(Citation(authorities.get(i).id) for i in ids)


_GROUNDS = N_("Race, religion, nationality, membership of a particular social group or "
              "political opinion.")

US = JurisdictionSpec(
    code="us",
    name=N_("United States: asylum, withholding of removal and Convention against Torture"),
    protections=(
        Protection("asylum", N_("Asylum"),
                   N_("A reasonable possibility of persecution, which can be well below 50%: "
                      "would a reasonable person in her circumstances fear persecution."),
                   C("ina-101-a-42", "cardoza-fonseca", "mogharrabi")),
        Protection("withholding", N_("Withholding of removal"),
                   N_("Persecution more likely than not; mandatory if the standard is met."),
                   C("ina-241-b-3", "stevic", "8-cfr-1208-16")),
        Protection("cat", N_("Protection under the Convention against Torture"),
                   N_("Torture more likely than not, by or with the acquiescence of a public "
                      "official; mandatory if the standard is met."),
                   C("8-cfr-1208-16", "8-cfr-1208-17", "8-cfr-1208-18")),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Protected ground"), _GROUNDS,
                    C("ina-101-a-42")),
        ElementSpec("nexus", N_("Nexus: on account of a protected ground"),
                    N_("A ground was or will be at least one central reason; the victim's "
                       "opinion, actual or imputed, not the persecutor's."),
                    C("ina-208-b-1-b-i", "elias-zacarias")),
        ElementSpec("harm", N_("Harm amounting to persecution"),
                    N_("Severe harm or the threat of it."), C("ina-101-a-42")),
        ElementSpec("agent_state_protection", N_("Agent of persecution and state protection"),
                    N_("The government, or actors it is unable or unwilling to control."),
                    C("ina-101-a-42")),
        ElementSpec("past_persecution", N_("Past persecution"),
                    N_("Past persecution raises a presumption of well-founded fear, rebuttable "
                       "by changed circumstances or reasonable relocation; severe past harm may "
                       "support humanitarian asylum."),
                    C("8-cfr-1208-13-b-1", "chen")),
        ElementSpec("subjective_fear", N_("Subjective fear"),
                    N_("The applicant genuinely fears return."),
                    C("mogharrabi")),
        ElementSpec("objective_fear", N_("Objective basis of fear"),
                    N_("A reasonable person in her circumstances would fear persecution; "
                       "country conditions support it."),
                    C("cardoza-fonseca", "8-cfr-1208-12-a")),
        ElementSpec("internal_relocation", N_("Internal relocation"),
                    N_("Relocation within the country must be both possible and reasonable."),
                    C("8-cfr-1208-13-b-3")),
        ElementSpec("timeliness", N_("One-year filing deadline"),
                    N_("File within one year of the last arrival unless changed or "
                       "extraordinary circumstances excuse the delay."),
                    C("ina-208-a-2-b", "ina-208-a-2-d", "8-cfr-1208-4-a")),
        ElementSpec("bars", N_("Bars to protection"),
                    N_("Persecutor, particularly serious crime, serious nonpolitical crime, "
                       "security, terrorism, firm resettlement."),
                    C("ina-208-b-2-a", "8-cfr-1208-15")),
        ElementSpec("torture_official", N_("Torture by or with the acquiescence of an official"),
                    N_("Torture more likely than not, by or with the acquiescence of a public "
                       "official."),
                    C("8-cfr-1208-16", "8-cfr-1208-17", "8-cfr-1208-18")),
    ),
)

UK = JurisdictionSpec(
    code="uk",
    name=N_("United Kingdom: refugee status and humanitarian protection"),
    protections=(
        Protection("refugee", N_("Refugee status"),
                   N_("Balance of probabilities for the characteristic and the fear; "
                      "reasonable likelihood for the risk."),
                   C("refugee-convention-1a2", "naba-2022-s32")),
        Protection("humanitarian", N_("Humanitarian protection and ECHR art. 3"),
                   N_("Real risk of torture or inhuman or degrading treatment; absolute."),
                   C("echr-art-3", "hra-1998", "chahal", "saadi")),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Convention reason"), _GROUNDS,
                    C("refugee-convention-1a2")),
        ElementSpec("nexus", N_("For reasons of a Convention reason"),
                    N_("Persecution for reasons of the ground; attributed characteristics count."),
                    C("refugee-convention-1a2")),
        ElementSpec("harm", N_("Persecution"), N_("Serious harm amounting to persecution."),
                    C("refugee-convention-1a2")),
        ElementSpec("agent_state_protection", N_("Absence of state protection"),
                    N_("The state does not provide protection against the harm."),
                    C("naba-2022-s34")),
        ElementSpec("subjective_fear", N_("Fear of persecution"),
                    N_("The applicant fears return; balance of probabilities."),
                    C("naba-2022-s32")),
        ElementSpec("objective_fear", N_("Well-founded fear: real risk"),
                    N_("A reasonable likelihood of persecution on return."),
                    C("naba-2022-s32")),
        ElementSpec("internal_relocation", N_("Internal relocation"),
                    N_("Whether the applicant could reasonably relocate within the country."),
                    C("naba-2022-s35")),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion from protection under article 1F."),
                    C("refugee-convention-1f")),
        ElementSpec("torture_official", N_("Torture or inhuman treatment (ECHR art. 3)"),
                    N_("A real risk of torture or inhuman or degrading treatment."),
                    C("echr-art-3", "hra-1998")),
    ),
)

CA = JurisdictionSpec(
    code="ca",
    name=N_("Canada: Convention refugee (s.96) and person in need of protection (s.97)"),
    protections=(
        Protection("s96", N_("Convention refugee (IRPA s.96)"),
                   N_("More than a mere possibility of persecution on one of the five grounds."),
                   C("irpa-96")),
        Protection("s97", N_("Person in need of protection (IRPA s.97)"),
                   N_("More likely than not: torture, risk to life or of cruel and unusual "
                      "treatment, faced in every part of the country."),
                   C("irpa-97")),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Convention ground (s.96)"), _GROUNDS,
                    C("irpa-96")),
        ElementSpec("nexus", N_("By reason of a Convention ground"),
                    N_("Persecution by reason of the ground."), C("irpa-96")),
        ElementSpec("harm", N_("Persecution or s.97 harm"),
                    N_("Persecution (s.96); torture, risk to life, cruel and unusual treatment "
                       "(s.97)."), C("irpa-96", "irpa-97")),
        ElementSpec("agent_state_protection", N_("State protection"),
                    N_("The state is unable or unwilling to protect."), C("irpa-96")),
        ElementSpec("subjective_fear", N_("Subjective fear"),
                    N_("The claimant fears return."), C("irpa-96")),
        ElementSpec("objective_fear", N_("Objective basis of fear"),
                    N_("More than a mere possibility of persecution (s.96)."), C("irpa-96")),
        ElementSpec("internal_relocation", N_("Internal flight alternative"),
                    N_("Under s.97 the risk must be faced in every part of the country."),
                    C("irpa-97")),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion under articles 1E and 1F."),
                    C("refugee-convention-1e", "refugee-convention-1f", "irpa-98")),
        ElementSpec("torture_official", N_("Risk of torture, to life or of cruel treatment (s.97)"),
                    N_("More likely than not, faced personally and in every part of the "
                       "country."), C("irpa-97")),
    ),
)

EU = JurisdictionSpec(
    code="eu",
    name=N_("European Union: Qualification Directive (refugee and subsidiary protection)"),
    protections=(
        Protection("refugee", N_("Refugee status"),
                   N_("Assessment under article 4 (verify)."),
                   C("qd-2011-95-art-9", "qd-2011-95-art-10", "qr-2024-1347", "qd-2011-95-art-4")),
        Protection("subsidiary", N_("Subsidiary protection"),
                   N_("Serious harm: death penalty, torture or inhuman treatment, or "
                      "indiscriminate violence in armed conflict."),
                   C("qd-2011-95-art-15")),
    ),
    elements=(
        ElementSpec("protected_ground", N_("Reason for persecution"), _GROUNDS,
                    C("qd-2011-95-art-10")),
        ElementSpec("nexus", N_("Connection between the acts and the reasons"),
                    N_("Attributed characteristics count."),
                    C("qd-2011-95-art-9", "qd-2011-95-art-10")),
        ElementSpec("harm", N_("Acts of persecution"),
                    N_("An act sufficiently serious by its nature or repetition, or an "
                       "accumulation of measures."), C("qd-2011-95-art-9")),
        ElementSpec("agent_state_protection", N_("Actors of persecution and of protection"),
                    N_("Who persecutes and whether anyone protects."),
                    C("qd-2011-95-art-6", "qd-2011-95-art-7")),
        ElementSpec("past_persecution", N_("Past persecution as a serious indication"),
                    N_("Past persecution is a serious indication of well-founded fear (verify)."),
                    C("qd-2011-95-art-4")),
        ElementSpec("subjective_fear", N_("Fear of persecution"),
                    N_("The applicant fears return."), C("qd-2011-95-art-2")),
        ElementSpec("objective_fear", N_("Well-founded fear"),
                    N_("The fear is well founded on the facts and country information (verify)."),
                    C("qd-2011-95-art-4")),
        ElementSpec("internal_relocation", N_("Internal protection"),
                    N_("Whether protection is available in part of the country."),
                    C("qd-2011-95-art-8")),
        ElementSpec("bars", N_("Exclusion"), N_("Exclusion from refugee and subsidiary status."),
                    C("qd-2011-95-art-12", "qd-2011-95-art-17")),
        ElementSpec("torture_official", N_("Serious harm (subsidiary protection)"),
                    N_("Death penalty, torture or inhuman treatment, or indiscriminate "
                       "violence in armed conflict."), C("qd-2011-95-art-15")),
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
