"""How measured numbers are written on screen, in both languages.

Gradient norms span hundreds of orders of magnitude, so the app writes them in scientific
notation with superscripts (``2.66 × 10⁻⁵``), plainly in a middle range (``0.167``), and
underflow, overflow and NaN as themselves (``0``, ``∞``, ``NaN``). Portuguese uses a
decimal comma.
"""

from __future__ import annotations

import math

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decimal(text: str, lang: str) -> str:
    """Swap the decimal point for a comma in Portuguese."""
    return text.replace(".", ",") if lang == "pt" else text


def power10(exponent: float) -> str:
    """``10⁻⁵`` for a whole exponent, ``1`` for 0."""
    exponent = int(round(exponent))
    return "1" if exponent == 0 else "10" + str(exponent).translate(_SUPERSCRIPT)


def measured(value: float | None, lang: str = "en", digits: int = 3, *, plain: tuple[int, int] | None = (-2, 3),
             nan: str = "NaN", none: str = "—") -> str:
    """``value`` with ``digits`` significant digits.

    Written plainly when its decimal exponent lies in ``plain`` (inclusive; ``None``: never),
    otherwise as ``m × 10ᵉ``. ``None`` → ``none``, NaN → ``nan``, ±∞ → ``∞``/``−∞``, 0 → ``0``.
    """
    if value is None:
        return none
    value = float(value)
    if math.isnan(value):
        return nan
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    # Python's own rounding to ``digits`` significant figures gives mantissa and exponent
    # (also for subnormal numbers, where 10**exponent would underflow to 0).
    mantissa_text, exponent_text = f"{value:.{digits - 1}e}".split("e")
    exponent = int(exponent_text)
    if plain is not None and plain[0] <= exponent <= plain[1]:
        text = f"{value:.{max(0, digits - 1 - exponent)}f}"
    else:
        text = f"{mantissa_text} × {power10(exponent)}"
    return decimal(text, lang)


def setting(value: float, lang: str = "en") -> str:
    """A control value without trailing zeros: ``2``, ``0.05``, ``1.5``, ``∞``."""
    value = float(value)
    return "∞" if math.isinf(value) else decimal(f"{value:.3g}", lang)


def fixed(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """``0.87`` / ``0,87`` with ``digits`` decimals; ``—`` for None or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return decimal(f"{value:.{digits}f}", lang)


def integer(value: int, lang: str = "en") -> str:
    """``5,248`` (English) / ``5.248`` (Portuguese)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "pt" else text


def percent(value: float | None, lang: str = "en", digits: int = 0) -> str:
    """``87%`` / ``87 %`` (Portuguese puts a space before the sign); ``—`` for None."""
    if value is None:
        return "—"
    text = decimal(f"{100 * value:.{digits}f}", lang)
    return f"{text} %" if lang == "pt" else f"{text}%"


def signed(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """``+0.87`` / ``−0,87`` (a true minus sign), ``0.00`` when it rounds to zero; ``—`` for None or NaN."""
    if value is None or math.isnan(float(value)):
        return "—"
    if round(float(value), digits) == 0:
        return fixed(0.0, digits, lang)  # no sign on a value that rounds to zero (not "−0.00")
    return ("+" if value > 0 else "−") + fixed(abs(value), digits, lang)


def share(value: float | None, lang: str = "en") -> str:
    """A share that may be astronomically small: a percentage from 1 % up, scientific below it."""
    if value is None:
        return "—"
    return percent(value, lang) if value >= 0.01 else measured(value, lang, 2)


def latex_sci(value: float, lang: str = "en", digits: int = 1) -> str:
    """``9.3 \\times 10^{-10}`` for Markdown LaTeX (``9{,}3`` in Portuguese, as LaTeX needs)."""
    mantissa, exponent = f"{float(value):.{digits}e}".split("e")
    if lang == "pt":
        mantissa = mantissa.replace(".", "{,}")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def bar_label(value: float, lang: str = "en") -> str:
    """A bar's label: one decimal below 10, none from 10 up (``8.0``, ``18``; ``8,0`` in Portuguese)."""
    return decimal(f"{value:.1f}" if value < 10 else f"{value:.0f}", lang)
