"""Field kinds and how a writer's raw input becomes a checked value.

Values are kept as the text the writer typed (so nothing is lost or reformatted behind their
back); `check_value` normalises that text for output (full-width digits from a Chinese input
method become ASCII digits, a stray "%" after a percentage is dropped) and says what, if
anything, is wrong with it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import NamedTuple

from app.core.i18n import _


class FieldKind(StrEnum):
    """What a placeholder stands for; decides the input, the validation and the formatting."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"

    @property
    def is_number(self) -> bool:
        """True for every kind whose value is a number."""
        return self is not FieldKind.TEXT

    @property
    def allows_fraction(self) -> bool:
        """True when the value may have digits after the decimal point."""
        return self in (FieldKind.DECIMAL, FieldKind.PERCENT)


#: Bounds a kind has unless the template says otherwise: (min, max); None for no bound.
DEFAULT_BOUNDS: dict[FieldKind, tuple[Decimal | None, Decimal | None]] = {
    FieldKind.TEXT: (None, None),
    FieldKind.INTEGER: (Decimal(0), None),
    FieldKind.DECIMAL: (Decimal(0), None),
    FieldKind.PERCENT: (Decimal(0), None),
    FieldKind.YEAR: (Decimal(1949), Decimal(2100)),
    FieldKind.MONTH: (Decimal(1), Decimal(12)),
    FieldKind.DAY: (Decimal(1), Decimal(31)),
}

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．－＋，％",
    "0123456789.-+,%",
)
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "—": "-"})
_NUMBER = r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"
_CONTROL = r"[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]"
#: The most digits a number may have: no report needs more, and Decimal arithmetic on a
#: million digits overflows (decimal.Overflow) or takes seconds.
MAX_DIGITS = 40
#: Characters no export can carry (XML, so DOCX, forbids them; a lone surrogate cannot even be
#: written as UTF-8): C0 controls but tab and line ends, lone surrogates, non-characters.
_UNCARRIABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


class CheckedValue(NamedTuple):
    """The outcome of checking one raw value.

    `text` is what goes into the report (the normalised input; empty when nothing was typed),
    `number` the numeric value for number kinds, `error` a message about this value or None.
    """

    text: str
    number: Decimal | None = None
    error: str | None = None

    @property
    def empty(self) -> bool:
        """True when nothing (or only spaces) was entered."""
        return self.text == ""

    @property
    def valid(self) -> bool:
        """True when the value may go into the report as it is (empty counts as valid here)."""
        return self.error is None


def exportable_text(text: str) -> str:
    """`text` with what no export can carry taken out, decided once where text comes in (a
    draft's values, a value typed, a template's body, an imported 范文): a vertical tab or form
    feed becomes a line break, a lone surrogate becomes U+FFFD (�), the other control characters
    and non-characters are dropped. Text with none of them is returned as it is."""
    if not _UNCARRIABLE.search(text):
        return text
    return _UNCARRIABLE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\x0b\x0c":
        return "\n"
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def normalise_number_text(raw: str) -> str:
    """Full-width digits and signs to ASCII, spaces removed: what a number is parsed from."""
    text = raw.translate(_FULLWIDTH).translate(_MINUS_SIGNS)
    return "".join(text.split())


def check_value(
    kind: FieldKind,
    raw: str,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> CheckedValue:
    """Check `raw` as a value of `kind` within the given bounds (None: the kind's default)."""
    if kind is FieldKind.TEXT:
        text = raw.strip()
        if re.search(_CONTROL, text):
            return CheckedValue(text, error=_("Must be on one line, without line breaks."))
        return CheckedValue(text)

    text = normalise_number_text(raw)
    if kind is FieldKind.PERCENT:
        text = text.removesuffix("%")
    if not text:
        return CheckedValue("")
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        message = _("Too many digits for a number (at most {count}).", count=MAX_DIGITS)
        return CheckedValue(text, error=message)
    if not re.fullmatch(_NUMBER, text):
        return CheckedValue(text, error=_invalid_number_message(kind, text))
    number = Decimal(text.replace(",", ""))
    if not kind.allows_fraction and number != number.to_integral_value():
        return CheckedValue(text, error=_("Enter a whole number, without decimals."))
    if kind in (FieldKind.YEAR,) and not re.fullmatch(r"\d{4}", text):
        return CheckedValue(text, error=_("Enter the year with four digits, such as 2026."))
    default_min, default_max = DEFAULT_BOUNDS[kind]
    low = minimum if minimum is not None else default_min
    high = maximum if maximum is not None else default_max
    if (low is not None and number < low) or (high is not None and number > high):
        return CheckedValue(text, number, _bounds_message(kind, low, high))
    if not kind.allows_fraction and "," not in text:
        text = str(int(number))  # "09" goes into the report as 9 (the form keeps "09")
    return CheckedValue(text.removeprefix("+"), number)


def magnitude_text(text: str) -> str:
    """The value without its sign: "-3.5" reads "下降3.5%" in the report."""
    return text.lstrip("+-")


def _invalid_number_message(kind: FieldKind, text: str) -> str:
    if kind is FieldKind.INTEGER:
        return _("“{value}” is not a whole number.", value=_short(text))
    if kind is FieldKind.YEAR:
        return _("“{value}” is not a year.", value=_short(text))
    if kind is FieldKind.MONTH:
        return _("“{value}” is not a month (1 to 12).", value=_short(text))
    if kind is FieldKind.DAY:
        return _("“{value}” is not a day of the month (1 to 31).", value=_short(text))
    return _("“{value}” is not a number.", value=_short(text))


def _bounds_message(kind: FieldKind, low: Decimal | None, high: Decimal | None) -> str:
    if kind is FieldKind.MONTH:
        return _("A month is from 1 to 12.")
    if kind is FieldKind.DAY:
        return _("A day of the month is from 1 to 31.")
    if low is not None and high is not None:
        return _("Must be from {low} to {high}.", low=_fmt(low), high=_fmt(high))
    if low is not None:
        if low == 0:
            return _("Must not be negative.")
        return _("Must be at least {low}.", low=_fmt(low))
    return _("Must be at most {high}.", high=_fmt(high))


def _fmt(number: Decimal | None) -> str:
    return format(number, "f") if number is not None else ""


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_bound(value: object) -> Decimal:
    """A bound from the template schema (TOML integer or float) as a Decimal."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("bound must be a number")
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise TypeError("bound too large")
    try:
        bound = Decimal(str(value))
    except InvalidOperation as exc:  # pragma: no cover - str() of a number always parses
        raise TypeError("bound must be a number") from exc
    if not bound.is_finite() or bound.adjusted() >= MAX_DIGITS:  # nan, inf, 1e300
        raise TypeError("bound must be a finite number")
    return bound
