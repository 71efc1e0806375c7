"""Image intake: refuse bombs and broken files, apply orientation, rebuild from pixels only.

The stored copy is a brand-new image made from the decoded pixels: no EXIF (GPS position,
camera make/model/serial numbers, dates, software), no XMP, no comments or PNG text chunks,
no ICC profile (colours are converted to sRGB first when a profile is present), no thumbnail.
JPEG stays JPEG (quality 90); PNG and WebP become PNG (lossless). Animated images keep their
first frame only. The user is told what was removed.

Pictures inside documents (a Word file's word/media/) are rebuilt the same way by
`clean_embedded`, each keeping its own format (JPEG, PNG or TIFF) so the document's references
and content types stay valid.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence.cleaned import Cleaned

MAX_PIXELS = 50_000_000  # a 50-megapixel photo; far above what a readable exhibit needs
FORMATS = {Mime.jpeg: "JPEG", Mime.png: "PNG", Mime.webp: "WEBP"}
EMBEDDED = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"),
            (b"MM\x00*", "TIFF"))

N_LOCATION = N_("Location removed.")
N_CAMERA = N_("Camera details (make, model, serial number, date and software) removed.")
N_COMMENT = N_("Comment removed.")
N_HIDDEN = N_("Other hidden details removed.")
N_FRAMES = N_("Only the first picture of this animated image was kept.")

_CAMERA_TAGS = (0x010F, 0x0110, 0x0131, 0x0132, 0x013B, 0x8298, 0xA430, 0xA431, 0xA432,
                0xA433, 0xA434, 0xA435, 0x9003, 0x9004, 0xC62F)
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_COMMENT_TAGS = (0x010E, 0x9286, 0x9C9C)  # ImageDescription, UserComment, XPComment
_TEXT_INFO = ("comment", "Comment", "Description", "Title", "Author", "Software",
              "Copyright", "parameters")

_BROKEN = N_("This picture is damaged or incomplete and cannot be read. Take or save it again "
             "and add the new copy.")


def notices(img: Image.Image) -> list[str]:
    """What `img` carries besides its pixels, as N_ notices (reads headers, not pixels)."""
    exif = img.getexif()
    found: list[str] = []
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        found.append(N_LOCATION)
    sub = exif.get_ifd(_EXIF_IFD)
    if any(tag in exif or tag in sub for tag in _CAMERA_TAGS):
        found.append(N_CAMERA)
    if (any(tag in exif or tag in sub for tag in _COMMENT_TAGS)
            or any(key in img.info for key in _TEXT_INFO)):
        found.append(N_COMMENT)
    hidden = ("xmp", "XML:com.adobe.xmp", "photoshop", "iptc", "icc_profile")
    if any(k in img.info for k in hidden) or (len(exif) and not found):
        found.append(N_HIDDEN)
    return found


@contextmanager
def _strict_truncation() -> Iterator[None]:
    """WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES on import; a truncated
    upload must fail here, so the flag is off while we decode (and restored after)."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _open_checked(data: bytes, fmt: str) -> Image.Image:
    """Open, verify and fully decode as `fmt` (a Pillow format name), treating Pillow's bomb
    warning as an error."""
    try:
        with warnings.catch_warnings(), _strict_truncation():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data), formats=[fmt])
            width, height = probe.size
            if width * height > MAX_PIXELS or width <= 0 or height <= 0:
                raise InputRefused(N_(
                    "This picture is too large ({width} x {height} pixels). Save a smaller "
                    "copy (for example with the phone's share or resize option) and add "
                    "that."), width=width, height=height)
            probe.verify()
            img = Image.open(io.BytesIO(data), formats=[fmt])
            img.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise InputRefused(N_("This picture is too large to open safely. Save a smaller copy "
                              "and add that.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise InputRefused(_BROKEN) from None
    return img


def _to_srgb(img: Image.Image) -> Image.Image:
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(img, src, ImageCms.createProfile("sRGB"),
                                              outputMode=out_mode)
        return converted if converted is not None else img
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img


def _pixels_only(img: Image.Image, keep_alpha: bool) -> Image.Image:
    """A new image holding only the pixels (no info dict, no EXIF, no palette tricks)."""
    if img.mode not in ("L", "RGB", "RGBA"):
        has_alpha = img.mode in ("LA", "PA", "RGBa", "La") or "transparency" in img.info
        img = img.convert("RGBA" if has_alpha else "RGB")
    if img.mode == "RGBA" and not keep_alpha:
        flat = Image.new("RGB", img.size, (255, 255, 255))
        flat.paste(img, mask=img.getchannel("A"))
        img = flat
    return Image.frombytes(img.mode, img.size, img.tobytes())


def _rebuilt(data: bytes, fmt: str) -> tuple[Image.Image, list[str]]:
    """The upright sRGB pixels of `data` in a brand-new image, and what was removed."""
    img = _open_checked(data, fmt)
    removed = notices(img)
    if getattr(img, "n_frames", 1) > 1:
        removed.append(N_FRAMES)
    try:
        oriented = ImageOps.exif_transpose(img) or img
    except (OSError, ValueError, SyntaxError):
        raise InputRefused(_BROKEN) from None
    oriented.info = dict(img.info)
    return _pixels_only(_to_srgb(oriented), keep_alpha=fmt != "JPEG"), removed


def clean_embedded(data: bytes) -> tuple[bytes, list[str]] | None:
    """A JPEG, PNG or TIFF found inside a document, rebuilt from its pixels in its own format,
    and what was removed; None for any other kind of picture (left as it is)."""
    fmt = next((name for magic, name in EMBEDDED if data.startswith(magic)), None)
    if fmt is None:
        return None
    clean, removed = _rebuilt(data, fmt)
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=90, optimize=True)
    elif fmt == "PNG":
        clean.save(out, "PNG", optimize=False, compress_level=6)
    else:
        clean.save(out, "TIFF", compression="tiff_lzw")
    return out.getvalue(), removed


def clean_image(data: bytes, mime: Mime) -> Cleaned:
    clean, removed = _rebuilt(data, FORMATS[mime])
    as_jpeg = mime is Mime.jpeg
    out = io.BytesIO()
    if as_jpeg:
        clean.save(out, "JPEG", quality=90, optimize=True)
        stored_mime = Mime.jpeg
    else:
        clean.save(out, "PNG", optimize=False, compress_level=6)
        stored_mime = Mime.png
    width, height = clean.size
    return Cleaned(out.getvalue(), stored_mime, page_count=1, width=width, height=height,
                   removed=removed)
