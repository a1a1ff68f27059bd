"""Text clean-up: Unicode and whitespace normalisation, page furniture removal.

The cleaned text is what is stored as the article body; every character offset the
extractor emits refers to it.
"""

from __future__ import annotations

import re
import unicodedata

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
        "\u2015": "\u2014",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
        "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u00ad": None,
        "\t": " ", "\r": None, "\f": "\n", "\v": "\n",
    }
)

# Lines that are navigation or widgets wherever they stand.
_NOISE_LINE = re.compile(
    r"^(?:skip to (?:main )?content|recommended videos?|advertisement|story highlights"
    r"|(?:decrease|enlarge) font(?: (?:decrease|enlarge) font)?|next article in .*"
    r"|e-?mail|print|save|share|tweet|click to (?:share|print|email).*|loading\.*"
    r"|watch(?: the)? video|listen to (?:this )?article.*|\d+ min(?:ute)? read)$",
    re.IGNORECASE,
)
# A line that opens the trailing furniture of a page: everything from it on is cut.
_TAIL_MARKER = re.compile(
    r"^(?:opinion|editorial|related|related (?:stories|articles|news|content|coverage|posts|topics|reading)"
    r"|read (?:more|also|next)|more (?:stories|news|from .{1,40})|most (?:read|popular|viewed|shared)"
    r"|trending(?: now)?|you (?:may|might) also like.*|recommended (?:for you|stories|articles|reading)"
    r"|share this (?:article|story|page).*|tags?:.*|topics?:.*|filed under:?.*|all about .*"
    r"|comments?(?: \(\d+\))?|leave a (?:comment|reply)|sign up for .*|subscribe(?: to .*)?"
    r"|copyright .*|\u00a9.*|follow us on .*|e-?mail to a friend.*|newsletter.*|keep reading"
    r"|more on this story|in other news|latest news|top stories)$",
    re.IGNORECASE,
)
_INLINE_NOISE = re.compile(r"(?:\s*\b(?:E-?mail to a friend)\b)+\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u2023*\-]\s+")
# Control and invisible format characters (a regex: per-character Unicode lookups cost 5x more).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufff9-\ufffb\ud800-\udfff\ue000-\uf8ff]")
_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
# Below this share of the page a marker is more likely a section label than furniture.
_TAIL_MIN_SHARE = 0.3


def normalise(text: str) -> str:
    """NFC, one form for quotes and dashes, tidy whitespace; keeps paragraph breaks."""
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fold(text: str) -> str:
    """Case-folded text holding every letter that re.IGNORECASE matches to an ASCII one ("ſ" as
    "s", the Kelvin sign as "k", dotted and dotless capital and small i as "i"): a substring test on
    it may gate a case-insensitive regex."""
    return text.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def strip_furniture(text: str) -> str:
    """Drop navigation lines anywhere, and cut the page's trailing furniture block."""
    lines = text.split("\n")
    kept: list[str] = []
    seen_chars = 0
    total = max(len(text), 1)
    for line in lines:
        bare = _BULLET.sub("", line).strip()
        if _NOISE_LINE.match(bare):
            continue
        if bare and len(bare) <= 80 and _TAIL_MARKER.match(bare) and seen_chars >= _TAIL_MIN_SHARE * total:
            break
        if "friend" in fold(line):  # the one word every inline noise needs: the regex tries every position
            line = _INLINE_NOISE.sub("", line)
        kept.append(line)
        seen_chars += len(line) + 1
    return _BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()


def clean(text: str) -> str:
    """The stored body: normalised, furniture removed."""
    return strip_furniture(normalise(text))
