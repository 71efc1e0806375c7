"""Answer types for the steps' input models, with translatable messages.

A step's input model (derived in forms.questions from the record's model and the questions)
gives each field one of these types. A raw widget value (a typed string, a picked option) is
validated with `validate_answer`, which returns the value to store in the record or raises
`InputRefused` with a whole-sentence message.
Validation context: `lang` and `today` (for dates) and `max_chars` (settings.max_answer_chars).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
)

from asylum_prep import countries
from asylum_prep.domain.base import MAX_SHORT_CHARS, YesNo
from asylum_prep.domain.date_input import parse_date_input
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import collapse_spaces

DEFAULT_MAX_CHARS = 20_000
MAX_LINES = 30


class StepInput(BaseModel):
    """Base of the steps' input models: every field optional, so one answer validates alone."""

    model_config = ConfigDict(extra="forbid")


def _ctx(info: ValidationInfo) -> dict[str, Any]:
    return info.context or {}


def too_long(count: int, limit: int) -> InputRefused:
    return InputRefused(
        N_("This answer is {count} characters long; the limit is {limit}. Nothing was saved. "
           "Please shorten it, or continue in the next answer."),
        count=count, limit=limit,
    )


def _long(value: str, info: ValidationInfo) -> str:
    limit = int(_ctx(info).get("max_chars", DEFAULT_MAX_CHARS))
    value = value.strip()
    if len(value) > limit:
        raise too_long(len(value), limit)
    return value


def _short(value: str, info: ValidationInfo) -> str:
    value = collapse_spaces(value)
    limit = min(MAX_SHORT_CHARS, int(_ctx(info).get("max_chars", DEFAULT_MAX_CHARS)))
    if len(value) > limit:
        raise InputRefused(
            N_("This answer is {count} characters long; it should be a short answer of at most "
               "{limit} characters. Nothing was saved."),
            count=len(value), limit=limit,
        )
    return value


def _date(value: Any, info: ValidationInfo) -> Any:
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        ctx = _ctx(info)
        return parse_date_input(value, lang=str(ctx.get("lang", "en")),
                                today=ctx.get("today") or date.today())
    return value


def _lines(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str):
        value = [line for line in value.replace(",", "\n").splitlines()]
    if isinstance(value, list):
        value = [collapse_spaces(str(v)) for v in value]
        value = [v for v in value if v]
        if len(value) > MAX_LINES:
            raise InputRefused(N_("Please give at most {n} entries here."), n=MAX_LINES)
        for entry in value:
            if len(entry) > MAX_SHORT_CHARS:
                raise InputRefused(
                    N_("Each entry is short: at most {limit} characters."), limit=MAX_SHORT_CHARS)
    return value


def _country(value: str) -> str:
    value = value.strip().upper()
    if value and not countries.is_country(value):
        raise InputRefused(N_("Please choose a country from the list."))
    return value


def _yes_no(value: Any) -> Any:
    if value in (None, ""):
        return YesNo.unknown
    return value


LongAnswer = Annotated[str, AfterValidator(_long)]
ShortAnswer = Annotated[str, AfterValidator(_short)]
DateAnswer = Annotated[FuzzyDate | None, BeforeValidator(_date)]
LinesAnswer = Annotated[list[str], BeforeValidator(_lines)]
CountryAnswer = Annotated[str, AfterValidator(_country)]
YesNoAnswer = Annotated[YesNo, BeforeValidator(_yes_no)]


_MESSAGES = {
    "enum": N_("Please choose one of the answers offered."),
    "literal_error": N_("Please choose one of the answers offered."),
    "string_pattern_mismatch": N_("This does not have the expected form. Please look at the "
                                  "example and try again."),
    "string_too_long": N_("This answer is too long. Nothing was saved; please shorten it."),
    "string_type": N_("Please write your answer as text."),
    "list_type": N_("Please give a list, one entry per line."),
}


def refusal(exc: ValidationError) -> InputRefused:
    """The first problem of a pydantic error, as a translatable message."""
    errors = exc.errors()
    kind = errors[0]["type"] if errors else ""
    return InputRefused(_MESSAGES.get(kind, N_("This answer could not be saved. Please check it "
                                               "and try again; nothing was changed.")))


def validate_answer(
    model: type[BaseModel], field: str, raw: Any, *, lang: str = "en",
    today: date | None = None, max_chars: int = DEFAULT_MAX_CHARS,
) -> Any:
    """Validate one raw answer through a step's input model; return the value to store."""
    if field not in model.model_fields:
        raise InputRefused(N_("This question is not part of this step."))
    context = {"lang": lang, "today": today or date.today(), "max_chars": max_chars}
    try:
        parsed = model.model_validate({field: raw}, context=context)
    except ValidationError as exc:
        raise refusal(exc) from None
    return getattr(parsed, field)
