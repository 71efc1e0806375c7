"""Generated scans for OCR tests and the OCR benchmark: lines of text in a language's script,
drawn with the app's own fonts (Noto, from Debian's fonts-noto-core and fonts-noto-cjk) into a
page picture with Pillow (Raqm shapes Arabic script and Ethiopic), then turned a few degrees
and noised like a phone scan. Pure: nothing is written to disk.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
FONTS = {
    "latin": ("NotoSans-Regular.ttf", 0),
    "arabic": ("NotoNaskhArabic-Regular.ttf", 0),
    "ethiopic": ("NotoSansEthiopic-Regular.ttf", 0),
    "cjk": ("NotoSansCJK-Regular.ttc", 0),  # face 0: Japanese; 2 is Simplified Chinese
}


@dataclass(frozen=True)
class Script:
    font: str
    rtl: bool
    sentences: tuple[str, ...]
    cjk_face: int = 0


SCRIPTS: dict[str, Script] = {
    "en": Script("latin", False, (
        "The summons orders the applicant to appear at the police station on Monday.",
        "He was detained for three days and questioned about the meeting of the party.",
        "The officers took his telephone and the membership card from his house.",
        "After his release he went to the hospital because of the injuries to his arm.",
        "His mother received a second letter saying that he must report again.",
        "Witnesses saw the soldiers arrest several students near the university gate.",
        "The doctor wrote that the wounds were caused by beatings with a stick.",
        "She left the country in the spring and arrived at the border in June.",
    )),
    "fa": Script("arabic", True, (
        "به موجب این احضاریه شما باید روز دوشنبه در دادسرای انقلاب حاضر شوید",
        "او سه روز در بازداشت بود و درباره جلسه حزب بازجویی شد",
        "ماموران تلفن و کارت عضویت او را از خانه بردند",
        "پس از آزادی به دلیل جراحت دست به بیمارستان رفت",
        "مادرش نامه دوم را دریافت کرد که باید دوباره خود را معرفی کند",
        "شاهدان دیدند که ماموران چند دانشجو را نزدیک دانشگاه دستگیر کردند",
        "پزشک نوشت که زخم‌ها در اثر ضرب و شتم با چوب ایجاد شده است",
        "او در بهار کشور را ترک کرد و در ماه خرداد به مرز رسید",
    )),
    "ar": Script("arabic", True, (
        "يجب على المدعو الحضور إلى مركز الشرطة يوم الاثنين",
        "احتجز لمدة ثلاثة أيام واستجوب بشأن اجتماع الحزب",
        "أخذ الضباط هاتفه وبطاقة العضوية من منزله",
        "بعد الإفراج عنه ذهب إلى المستشفى بسبب إصابة ذراعه",
        "تلقت والدته رسالة ثانية تقول إنه يجب أن يحضر مرة أخرى",
    )),
    "am": Script("ethiopic", False, (
        "ተጠሪው ሰኞ ዕለት በፖሊስ ጣቢያ እንዲቀርብ ታዟል",
        "ለሦስት ቀናት ታስሮ ስለ ፓርቲው ስብሰባ ተጠይቋል",
        "ፖሊሶቹ ስልኩንና የአባልነት ካርዱን ከቤቱ ወሰዱ",
        "ከተፈታ በኋላ በክንዱ ጉዳት ምክንያት ወደ ሆስፒታል ሄደ",
    )),
    "zh_Hans": Script("cjk", False, (
        "传票要求申请人星期一到派出所报到",
        "他被拘留了三天并被询问党的会议",
        "警察从他家里拿走了电话和党员证",
        "获释后他因手臂受伤去了医院",
    ), cjk_face=2),
    "ru": Script("latin", False, (
        "Повестка обязывает заявителя явиться в отделение полиции в понедельник.",
        "Его задержали на три дня и допрашивали о собрании партии.",
        "Полицейские забрали из дома его телефон и партийный билет.",
        "После освобождения он обратился в больницу из-за травмы руки.",
    )),
}


@cache
def font(script: str, size: int) -> ImageFont.FreeTypeFont:
    name, _ = FONTS[SCRIPTS[script].font]
    face = SCRIPTS[script].cjk_face
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size, index=face,
                                      layout_engine=ImageFont.Layout.RAQM)
    raise FileNotFoundError(name)


def page_lines(lang: str, page: int, count: int = 14) -> list[str]:
    """The lines of page `page` (from 0): the language's sentences in a page-seeded order."""
    sentences = list(SCRIPTS[lang].sentences)
    random.Random(page).shuffle(sentences)  # noqa: S311 - reproducible test content
    return [sentences[i % len(sentences)] for i in range(count)]


def scan(lines: list[str], lang: str, *, seed: int = 0, dpi: int = 200, angle: float = 2.0,
         noise: int = 25) -> Image.Image:
    """A Letter page at `dpi` with `lines` in 12-point type, turned `angle` degrees and noised
    (`noise`: the largest change of a pixel's grey, plus specks), greyscale."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test content
    width, height = int(8.5 * dpi), int(11 * dpi)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    face = font(lang, int(12 * dpi / 72))
    rtl = SCRIPTS[lang].rtl
    y, margin = dpi, dpi
    for line in lines:
        direction = "rtl" if rtl else "ltr"
        box = draw.textbbox((0, 0), line, font=face, direction=direction)
        x = width - margin - (box[2] - box[0]) if rtl else margin
        draw.text((x, y), line, font=face, fill=20, direction=direction)
        y += int(face.size * 1.9)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    raw = bytearray(img.tobytes())
    for i in range(0, len(raw), 7):
        raw[i] = max(0, min(255, raw[i] + rng.randint(-noise, noise)))
    for _ in range(width * height // 2000):
        raw[rng.randrange(len(raw))] = rng.randint(0, 120)
    return Image.frombytes("L", img.size, bytes(raw))


def png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", dpi=(200, 200))
    return out.getvalue()


def scanned_pdf(pages: list[Image.Image], dpi: int = 200) -> bytes:
    """A PDF of page pictures only, like a scanner makes (no text layer)."""
    out = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(out, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return out.getvalue()
