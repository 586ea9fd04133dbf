"""ui.shell.numbers: one way to write measured numbers, in both languages."""

import math

import pytest

from ui.shell.numbers import measured, power10, setting


@pytest.mark.parametrize(("value", "kwargs", "text"), [
    (0.9**100, {}, "2.66 × 10⁻⁵"), (1.1**100, {"lang": "pt"}, "1,38 × 10⁴"), (1 / 6, {}, "0.167"),
    (0.0, {}, "0"), (math.inf, {}, "∞"), (-math.inf, {}, "−∞"), (math.nan, {}, "NaN"), (math.nan, {"nan": "—"}, "—"),
    (None, {}, "—"), (3.3e-4, {"plain": (-4, 4)}, "0.000330"), (13.5, {"plain": None, "digits": 2}, "1.4 × 10¹"),
    (9.999e-5, {}, "1.00 × 10⁻⁴"), (5e-324, {}, "4.94 × 10⁻³²⁴"),
])
def test_measured(value, kwargs, text):
    assert measured(value, **kwargs) == text


def test_power10_and_setting():
    assert power10(-5) == "10⁻⁵" and power10(0) == "1" and power10(12) == "10¹²"
    assert setting(0.05) == "0.05" and setting(1.5, "pt") == "1,5" and setting(2.0) == "2" and setting(math.inf) == "∞"


def test_fixed_integer_percent():
    from ui.shell.numbers import fixed, integer, percent

    assert fixed(0.8712) == "0.87" and fixed(0.8712, 1, "pt") == "0,9" and fixed(None) == "—" and fixed(math.nan) == "—"
    assert integer(5248) == "5,248" and integer(5248, "pt") == "5.248"
    assert percent(0.873) == "87%" and percent(0.873, "pt") == "87 %" and percent(None) == "—"
