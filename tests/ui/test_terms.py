"""One Portuguese term per idea across every catalog, and wording the reviews found overstated (issues 10 and 16)."""

from __future__ import annotations

import math
import re

import pytest

from ui.shell.catalogs import CATALOGS

PT = CATALOGS["pt"]

# The chosen term first; the words that must not come back (issue 10, "Portuguese").
BANNED = {
    "portas (gates)": r"\bport[õo]es\b",
    "clima (the episodes' mood)": r"\bhumor(es)?\b",
    "trava (latch)": r"\btrinco\b",
    "recorte do gradiente (gradient clipping)": r"(?<!re)\bcorte do gradiente\b|\bsem corte\b",
    "o personagem": r"\ba personagem\b",
    "a 0.73 gate is not 'almost open'": r"\bquase abert[ao]\b",
    "an upper bound is a 'cota superior'": r"\blimite de Pascanu\b",
    "assistir a (transitive use)": r"\bassistem tudo\b|\bassistiu só a 5",
    # issue 16, "Portuguese"
    "acaso (chance): not chute or sorte": r"\bchute\b|\bsorte\b",
    "acurácia (accuracy): not acerto": r"\bacertos?\b",
    "passos (steps): not etapas": r"\betapas?\b",
    "estação / parte for the app's own parts; seção only for a paper's numbered section": r"\bseç(ão|ões) \d+\b(?!\.\d)",
    "no mesoclisis-like 'Deixe-lhe'": r"\bDeixe-lhe\b",
    "sobreviver por mais passos": r"\bsobrevive mais passos\b",
    "palpite needs no English gloss": r"\bpalpite \(guess\)",
    "no calque of 'textbook recipe'": r"\breceita do livro\b",
}


@pytest.mark.parametrize("term", sorted(BANNED))
def test_one_term_per_idea_in_portuguese(term):
    pattern = re.compile(BANNED[term], re.IGNORECASE)
    offenders = sorted(key for key, text in PT.items() if pattern.search(text))
    assert offenders == [], f"{term}: {offenders}"


def test_forget_bias_one_opens_the_gate_to_sigma_one():
    for lang, text in (("pt", PT["conclusion.q6_b"]), ("en", CATALOGS["en"]["conclusion.q6_b"])):
        shown = f"{1 / (1 + math.exp(-1)):.2f}"
        assert (shown.replace(".", ",") if lang == "pt" else shown) in text
