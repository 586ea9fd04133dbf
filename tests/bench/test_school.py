"""bench.school's side-by-side page table, on made-up rows (the benchmark itself is run by hand)."""

from __future__ import annotations

from bench.school import page_table


def _row(config, students, pages):
    return {"config": config, "students": students,
            "pages": {page: {"p50_s": p50, "p95_s": p95, "errors": errors} for page, (p50, p95, errors) in pages.items()}}


def test_page_table_puts_every_run_side_by_side():
    lines = page_table([
        _row("single", 60, {"home": (0.5, 1.25, 0), "lab": (1.0, 3.0, 0)}),
        _row("2", 60, {"home": (0.25, 0.5, 0), "lab": (0.75, 1.5, 2)}),
        _row("2", 120, {"home": (0.5, 1.0, 0)}),
    ])
    header, home, lab = lines
    assert header.split()[-3:] == ["single·60", "2·60", "2·120"]
    assert home.split() == ["home", "0.50/1.25", "0.25/0.50", "0.50/1.00"]
    assert lab.split() == ["lab", "1.00/3.00", "0.75/1.50", "2err", "-"]
