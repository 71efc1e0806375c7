"""Solar Hijri (Jalali, the Iranian calendar) <-> Gregorian conversion.

The arithmetic follows the well-known 33-year-cycle algorithm with the table of cycle
breaks published with jalaali-js (Behrooz Tabesh) and used by most Iranian software; it
matches the astronomical calendar for Solar Hijri years -61 to 3177. Gregorian days are
Python `date` ordinals, so no Julian-day arithmetic of our own is needed.

The month names, the one place for them: the date reader (`domain.date_words`) accepts every
spelling in `SPELLINGS`; the display (`i18n_dates`) writes Iranian names for Persian and
Afghan (zodiac) names for Dari.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
    2324, 2394, 2456, 3178,
)
FIRST_YEAR = _BREAKS[0]
LAST_YEAR = _BREAKS[-1] - 1

IRANIAN_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
                  "آذر", "دی", "بهمن", "اسفند")
AFGHAN_MONTHS = ("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس",
                 "جدی", "دلو", "حوت")
PASHTO_MONTHS = ("وری", "غویی", "غبرگولی", "چنگاښ", "زمری", "وږی", "تله", "لړم", "لیندۍ",
                 "مرغومی", "سلواغه", "کب")
# Other spellings met in typed text: Latin transliterations, and the older امرداد.
_OTHER_SPELLINGS = (
    ("farvardin", "hamal"), ("ordibehesht", "sawr"), ("khordad", "jawza"), ("tir", "saratan"),
    ("امرداد", "mordad", "amordad", "asad"), ("shahrivar", "sonbola", "sunbula"),
    ("mehr", "mizan"), ("aban", "aqrab"), ("azar", "qaws"), ("dey", "dei", "jadi"),
    ("bahman", "dalw"), ("esfand", "hut"),
)
SPELLINGS: tuple[tuple[str, ...], ...] = tuple(
    (IRANIAN_MONTHS[i], AFGHAN_MONTHS[i], PASHTO_MONTHS[i], *_OTHER_SPELLINGS[i])
    for i in range(12)
)


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero (as the reference algorithm assumes)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


@dataclass(frozen=True)
class _YearInfo:
    leap: int  # 0 when the year is leap; years since the last leap year otherwise
    gregorian_year: int
    march_day: int  # the day in March of that Gregorian year on which 1 Farvardin falls


def _year_info(jy: int) -> _YearInfo:
    if not FIRST_YEAR <= jy <= LAST_YEAR:
        raise ValueError(f"Solar Hijri year {jy} is out of range")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return _YearInfo(leap, gy, march)


def is_leap(jy: int) -> bool:
    return _year_info(jy).leap == 0


def month_length(jy: int, jm: int) -> int:
    if not 1 <= jm <= 12:
        raise ValueError("month out of range")
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if is_leap(jy) else 29


def to_gregorian(jy: int, jm: int, jd: int) -> date:
    """1 Farvardin 1403 -> 2024-03-20. Raises ValueError for a day that does not exist."""
    if not 1 <= jd <= month_length(jy, jm):
        raise ValueError("day out of range")
    info = _year_info(jy)
    start = date(info.gregorian_year, 3, info.march_day).toordinal()
    return date.fromordinal(start + (jm - 1) * 31 - (jm // 7) * (jm - 7) + jd - 1)


def from_gregorian(day: date) -> tuple[int, int, int]:
    """2024-03-20 -> (1403, 1, 1)."""
    jy = day.year - 621
    info = _year_info(jy)
    k = day.toordinal() - date(day.year, 3, info.march_day).toordinal()
    if k >= 0:
        if k <= 185:
            return jy, 1 + k // 31, k % 31 + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if info.leap == 1:  # the year before the one starting this March was leap
            k += 1
    return jy, 7 + k // 30, k % 30 + 1
