"""Station 4's sentences: measured numbers (``rnn_core.memory_units``) into catalog text.

Pure functions: every one takes the language, looks the words up in ``pages/gates/texts.py``
(``ui.shell.i18n.t``) and writes numbers with ``ui.shell.numbers`` only. Thresholds that decide which
sentence is true (e.g. "the forget gate stays near 1") are named constants here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pages.gates.diagrams import BELT_COLOR, GATE_COLORS
from rnn_core.memory_units import GruUnitFacts, LstmUnitFacts
from ui.shell import numbers
from ui.shell.i18n import t

TEXTBOOK_FORGET = 0.9  # a gate this open on average counts as "the belt (or z) holds the memory"
OPENS = {"input": 0.2, "output": 0.1}  # how much above its mean elsewhere a gate must be to "open"

LSTM_BULLETS = (("forget", "f_t", "forget"), ("input", "i_t", "input"), ("output", "o_t", "output"),
                ("candidate", "g_t", "candidate"), ("cell", "c_t", "belt"))
GRU_BULLETS = (("update", "z_t", "update"), ("reset", "r_t", "reset"), ("gru_candidate", "n_t", "candidate"))


def gate_bullets(names: Sequence[tuple[str, str, str]], lang: str) -> str:
    """Markdown list: coloured symbol, bilingual name and what the gate decides.

    The page shows it with ``unsafe_allow_html`` (a hex colour needs a ``<span>``), so everything in
    it is fixed: symbols and colour keys from :data:`LSTM_BULLETS`/:data:`GRU_BULLETS`, colours from
    ``pages.gates.diagrams``, words from the catalog with no placeholders, ``lang`` one of
    ``ui.shell.catalogs.LANGUAGES``. Never put a user's input (query parameter, widget value) here."""
    lines = []
    for key, symbol, color_key in names:
        color = GATE_COLORS.get(color_key, BELT_COLOR)
        lines.append(f"- <span style='color:{color}'>**${symbol}$**</span> **{t(f'gates.gate_{key}_name', lang)}**: "
                     f"{t(f'gates.gate_{key}_does', lang)}")
    return "\n".join(lines)


def diagram_texts(lang: str) -> dict[str, dict[str, str]]:
    """The words of the two cell diagrams (``pages.gates.diagrams``), per model."""

    def hover(key: str) -> str:
        return f"<b>{t(f'gates.gate_{key}_name', lang)}</b><br>{t(f'gates.gate_{key}_does', lang)}".replace("$", "")

    lstm = {"title": t("gates.dg_lstm_title", lang), "belt": t("gates.dg_belt", lang), "h_out": t("gates.dg_h_out", lang),
            **{g: t(f"gates.dg_short_{g}", lang) for g in ("forget", "input", "candidate", "output")},
            **{f"{g}_hover": hover(g) for g in ("forget", "input", "candidate", "output")}}
    gru = {"title": t("gates.dg_gru_title", lang), "rail": t("gates.dg_rail", lang), "h_out": t("gates.dg_h_out", lang),
           **{g: t(f"gates.dg_short_{g}", lang) for g in ("update", "reset", "candidate")},
           "update_hover": hover("update"), "reset_hover": hover("reset"), "candidate_hover": hover("gru_candidate")}
    return {"lstm": lstm, "gru": gru}


def settle_sentence(settled: int, key: int, state: str, mood: str, lang: str) -> str:
    """When the memory unit took the sign it ends with: after the key event, or already before it."""
    if settled > key:
        return t("gates.fact_settle_after", lang, state=t(f"gates.state_{state}", lang), settled=settled + 1, at=key + 1)
    return t("gates.fact_settle_before", lang, state=t(f"gates.state_{state}", lang), mood=t(f"gates.mood_{mood}", lang))


def lstm_bullets(f: LstmUnitFacts, *, unit: int, key: int, n_ordinary: int, mood: str,
                 batch_forget: Sequence[float] | None, batch_n: int, lang: str) -> list[str]:
    """What the LSTM memory unit did, one sentence per fact, each true for the numbers measured."""
    fx = lambda v: numbers.fixed(v, 2, lang)  # noqa: E731
    bullets = []
    if f.forget_after is None:
        bullets.append(t("gates.fact_forget_none", lang))
    else:
        high = f.forget_after >= TEXTBOOK_FORGET
        bullets.append(t("gates.fact_forget_high" if high else "gates.fact_forget_low", lang, f=fx(f.forget_after),
                         n=n_ordinary, keep=numbers.share(f.belt_keeps, lang)))
        bullets.append(t("gates.fact_rewrite_high" if high else "gates.fact_rewrite_low", lang,
                         c_key=numbers.signed(f.cell_key, 2, lang), c_final=numbers.signed(f.cell_final, 2, lang),
                         share=numbers.percent(f.rewrite_share, lang)))
    if f.input_else is not None and f.input_key - f.input_else >= OPENS["input"]:
        bullets.append(t("gates.fact_input_opens", lang, ik=fx(f.input_key), ie=fx(f.input_else)))
    else:
        bullets.append(t("gates.fact_input_flat", lang, ik=fx(f.input_key), inext=fx(f.input_next), ie=fx(f.input_else)))
    bullets.append(settle_sentence(f.settled_at, key, "cell", mood, lang))
    if f.output_before is not None and f.output_final - f.output_before >= OPENS["output"]:
        bullets.append(t("gates.fact_output_opens", lang, of=fx(f.output_final), ob=fx(f.output_before)))
    else:
        bullets.append(t("gates.fact_output_flat", lang, of=fx(f.output_final), ob=fx(f.output_before)))
    if batch_forget:
        bullets.append(t("gates.fact_batch", lang, n=batch_n, u=unit, f=fx(batch_forget[unit]), h=len(batch_forget),
                         fmax=fx(max(batch_forget))))
    return bullets


def gru_bullets(f: GruUnitFacts, *, key: int, n_ordinary: int, mood: str, lang: str) -> list[str]:
    """What the GRU memory unit did (PyTorch convention: z → 1 keeps the old state)."""
    bullets = []
    if f.keep_after is None:
        bullets.append(t("gates.fact_gru_keep_none", lang))
    else:
        bullets.append(t("gates.fact_gru_keep", lang, z=numbers.fixed(f.keep_after, 2, lang), n=n_ordinary,
                         keep=numbers.share(f.keep_product, lang)))
    hold = f.keep_after is not None and f.keep_after >= TEXTBOOK_FORGET
    bullets.append(t("gates.fact_gru_hold" if hold else "gates.fact_gru_rewrite", lang,
                     h_key=numbers.signed(f.hidden_key, 2, lang), h_final=numbers.signed(f.hidden_final, 2, lang)))
    bullets.append(settle_sentence(f.settled_at, key, "hidden", mood, lang))
    return bullets


def answers_sentence(p_happy: Mapping[str, float], lang: str) -> str:
    """``LSTM says **sad tears** (97%); GRU says …`` from each model's P(happy) at the final scene."""
    parts = []
    for kind, p in p_happy.items():
        label = "happy" if p >= 0.5 else "sad"
        parts.append(t("gates.answer", lang, model=kind.upper(), label=t(f"gates.label_{label}", lang),
                       p=numbers.percent(max(p, 1 - p), lang)))
    return "; ".join(parts)


def cost_sentences(us: Mapping[int, Mapping[str, Mapping[str, float]]], ops: Mapping[str, object], *,
                   small: int, large: int, length: int, lang: str) -> str:
    """Why the GRU is slower or faster than the LSTM here, from the measured µs per step.

    ``us``: batch → cell → mode → µs per step; ``ops``: cell → ``rnn_core.cost`` op counts
    (``onednn``, ``total``, ``per_step``) at batch ``small``.
    """
    u = us[small]
    fmt = {f"{k}{suffix}": numbers.fixed(u[k][mode], 1, lang) for k in ("lstm", "gru")
           for suffix, mode in (("", "fused"), ("_plain", "fused_plain"), ("_t", "transparent"))}
    lstm_ops, gru_ops = ops["lstm"], ops["gru"]
    gru_per = numbers.fixed(gru_ops.per_step, 0, lang)
    if lstm_ops.onednn and u["gru"]["fused"] > u["lstm"]["fused"]:
        why = t("gates.cost_why_onednn", lang, ratio=numbers.fixed(u["gru"]["fused"] / u["lstm"]["fused"], 1, lang),
                lstm_ops=lstm_ops.total, gru_ops=gru_ops.total, gru_per=gru_per, length=length, batch=small, **fmt)
    else:
        why = t("gates.cost_why_plain", lang, gru_per=gru_per, batch=small, **fmt)
    big = us[large]
    faster = "gru" if big["gru"]["fused_plain"] < big["lstm"]["fused_plain"] else "lstm"
    why += "\n\n" + t(f"gates.cost_batch_{faster}", lang, batch=large, lstm=numbers.fixed(big["lstm"]["fused"], 0, lang),
                      gru=numbers.fixed(big["gru"]["fused"], 0, lang),
                      lstm_plain=numbers.fixed(big["lstm"]["fused_plain"], 0, lang),
                      gru_plain=numbers.fixed(big["gru"]["fused_plain"], 0, lang))
    return why


def latch_verdict(run, lang: str, length: int) -> tuple[str, str]:
    """``(kind, text)`` of the latch outcome: kind ``"solved"``, ``"chance"`` (below 60 %) or ``"partial"``."""
    b = numbers.setting(run.bias, lang)
    acc = numbers.percent(run.accuracy, lang)
    if run.solved_at is not None:
        return "solved", t("gates.bias_verdict_solved", lang, b=b, acc=acc, step=run.solved_at)
    if run.accuracy < 0.6:
        return "chance", t("gates.bias_verdict_chance", lang, b=b, acc=acc, length=length)
    return "partial", t("gates.bias_verdict_partial", lang, b=b, acc=acc)


__all__ = ["TEXTBOOK_FORGET", "OPENS", "LSTM_BULLETS", "GRU_BULLETS", "gate_bullets", "diagram_texts",
           "settle_sentence", "lstm_bullets", "gru_bullets", "answers_sentence", "cost_sentences", "latch_verdict"]
