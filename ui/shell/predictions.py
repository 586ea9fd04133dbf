"""The question registry: every question a student may be asked to commit to, in journey order.

"Predict, then see": before a chart that answers a question, a station asks the student to commit
to a guess (``ui.widgets.prediction.ask``); the teacher's board can put any of these questions in
focus for the whole class. The station-6 quiz's eight questions are registered too (station
``"conclusion"``, their existing ids ``conclusion.q1`` …), so the teacher can focus them the same way.

Where the questions come from:

* each journey station's ``pages/<slug>/predictions.py`` defines ``questions(lang) -> tuple[Prediction, ...]``,
  found through the registry (``Station.part("predictions")``). Its options and right answer are
  COMPUTED from the app's own models and settings (``rnn_core`` measurements, shipped results),
  never typed numbers, so they stay true when a model is retrained;
* the quiz's questions come from ``services.quiz`` (their texts from the conclusion's catalog).

:func:`questions` is cached per language for the life of the server (one build, ~tens of ms, then a
dictionary read): the class banner calls :func:`question` on every poll. The measurements a station's
questions need are cached by the station itself (``functools.cache`` on language-free values).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass

from services import quiz
from ui.shell.evidence import Frozen
from ui.shell.i18n import t
from ui.shell.stations import JOURNEY

LOG = logging.getLogger(__name__)
LETTERS = "abcd"
LANGS = ("pt", "en")


@dataclass(frozen=True)
class Prediction:
    """One question in one language, computed from the app's own models/settings.

    id:       stable, ``"<slug>.<name>"`` (e.g. ``"gradients.gain50"``; the quiz: ``"conclusion.q1"`` …)
    station:  slug of the page that asks it
    prompt:   the question
    options:  2–4 labels; a stored answer is the letter ``"a"``, ``"b"`` … by index
    correct:  index into ``options``
    measured: one sentence: what the network measured (the answer, with numbers)
    """

    id: str
    station: str
    prompt: str
    options: tuple[str, ...]
    correct: int
    measured: str

    @property
    def letter(self) -> str:
        """The right answer's letter."""
        return LETTERS[self.correct]

    def option(self, choice: int | str | None) -> str | None:
        """The label of an answer given as an index or a letter (None if it is not one)."""
        index = to_index(choice, len(self.options))
        return None if index is None else self.options[index]


@dataclass(frozen=True)
class Answered(Frozen):
    """A prediction this student committed to (typed evidence, kept in the session by
    ``ui.widgets.prediction`` and listed by station 6): the question, its station, the option's
    index and whether it was the measured answer."""

    question_id: str
    station: str
    choice: int
    correct: bool


def to_index(choice: object, n: int = len(LETTERS)) -> int | None:
    """An answer (index or letter) as an option index below ``n``, or None (junk, out of range)."""
    if isinstance(choice, bool):
        return None
    if isinstance(choice, str) and len(choice) == 1 and choice.lower() in LETTERS:
        choice = LETTERS.index(choice.lower())
    return choice if isinstance(choice, int) and 0 <= choice < n else None


def shuffled(correct: str, distractors: tuple[str, ...] | list[str], seed: str) -> tuple[tuple[str, ...], int]:
    """The right option among its distractors in a deterministic order (the same for every student,
    server and language: the order depends only on ``seed``, the question's id).

    Returns ``(options, index of the right one)``; duplicates of the right label are dropped."""
    labels = [correct, *[d for d in dict.fromkeys(distractors) if d != correct]]
    order = sorted(range(len(labels)), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
    options = tuple(labels[i] for i in order)
    return options, options.index(correct)


def _quiz(lang: str) -> tuple[Prediction, ...]:
    """The station-6 quiz as focusable questions (texts from the conclusion's catalog)."""
    return tuple(
        Prediction(id=q.key, station="conclusion", prompt=t(q.key, lang),
                   options=tuple(t(k, lang) for k in q.option_keys), correct=q.correct, measured=t(q.why_key, lang))
        for q in quiz.QUESTIONS)


def _build(lang: str) -> tuple[Prediction, ...]:
    found: list[Prediction] = []
    for s in JOURNEY:
        if s.slug == "conclusion":
            continue
        module = s.part("predictions")
        if module is None:
            continue
        try:
            found.extend(module.questions(lang))
        except Exception:  # one station's broken measurement must not take the others (or the banner) down
            LOG.exception("predictions of %s could not be built", s.slug)
    found.extend(_quiz(lang))
    return tuple(found)


_CACHE: dict[str, tuple[tuple[Prediction, ...], dict[str, Prediction]]] = {}
_LOCK = threading.Lock()


def _entry(lang: str) -> tuple[tuple[Prediction, ...], dict[str, Prediction]]:
    lang = lang if lang in LANGS else "en"
    entry = _CACHE.get(lang)
    if entry is None:
        with _LOCK:  # one build per language per server, however many sessions ask at once
            entry = _CACHE.get(lang)
            if entry is None:
                built = _build(lang)
                entry = _CACHE[lang] = (built, {p.id: p for p in built})
    return entry


def questions(lang: str) -> tuple[Prediction, ...]:
    """Every focusable question in ``lang``: stations 1–5 in journey order, then the quiz."""
    return _entry(lang)[0]


def question(question_id: object, lang: str) -> Prediction | None:
    """The question ``question_id`` in ``lang`` (None for an unknown id or junk)."""
    if not isinstance(question_id, str):
        return None
    return _entry(lang)[1].get(question_id)


def ids() -> tuple[str, ...]:
    """Every question id (language-free), in order."""
    return tuple(p.id for p in questions("en"))


def clear() -> None:
    """Forget the built questions (tests; a retrained model shipped while the server runs)."""
    with _LOCK:
        _CACHE.clear()
