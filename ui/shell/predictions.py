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

:func:`question` and :func:`questions` are cached per station and language for the life of the server (one
build, then a dictionary read): the class banner calls :func:`question` on every poll. A station's questions
are built the first time one of them is asked (station 1's first question never waits for station 2's
evaluation, ~10 s of CPU when nothing warmed it); their measurements are the station's own cached views and
``functools.cache`` values. A station whose measurement fails has no questions (logged) until it works.
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
_SLUGS = frozenset(s.slug for s in JOURNEY)


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


def _station(slug: str, lang: str) -> tuple[Prediction, ...] | None:
    """One station's questions in ``lang`` (the quiz for ``"conclusion"``; () for a station without any;
    None when its measurement failed: not cached, tried again at the next call)."""
    if slug == "conclusion":
        return _quiz(lang)
    module = next((s for s in JOURNEY if s.slug == slug), None)
    module = module.part("predictions") if module is not None else None
    if module is None:
        return ()
    try:
        return tuple(module.questions(lang))
    except Exception:  # one station's broken measurement must not take the others (or the banner) down
        LOG.exception("predictions of %s could not be built", slug)
        return None


_CACHE: dict[tuple[str, str], tuple[tuple[Prediction, ...], dict[str, Prediction]]] = {}
_LOCK = threading.Lock()  # guards _LOCKS
_LOCKS: dict[tuple[str, str], threading.Lock] = {}  # one per station and language: a slow build blocks only its own
_EMPTY: tuple[tuple[Prediction, ...], dict[str, Prediction]] = ((), {})


def _entry(slug: str, lang: str) -> tuple[tuple[Prediction, ...], dict[str, Prediction]]:
    """A station's questions in ``lang``, built once per server (a station's first question pays for its own
    measurements only: station 1's question never waits for station 2's evaluation)."""
    lang = lang if lang in LANGS else "en"
    entry = _CACHE.get((slug, lang))
    if entry is None:
        with _LOCK:
            lock = _LOCKS.setdefault((slug, lang), threading.Lock())
        with lock:  # one build per station and language per server, however many sessions ask at once
            entry = _CACHE.get((slug, lang))
            if entry is None:
                built = _station(slug, lang)
                if built is None:
                    return _EMPTY
                entry = _CACHE[(slug, lang)] = (built, {p.id: p for p in built})
    return entry


def questions(lang: str) -> tuple[Prediction, ...]:
    """Every focusable question in ``lang``: stations 1–5 in journey order, then the quiz."""
    return tuple(p for s in JOURNEY for p in _entry(s.slug, lang)[0])


def question(question_id: object, lang: str) -> Prediction | None:
    """The question ``question_id`` in ``lang`` (None for an unknown id or junk)."""
    if not isinstance(question_id, str) or "." not in question_id:
        return None
    slug = question_id.split(".", 1)[0]
    if slug not in _SLUGS:
        return None
    return _entry(slug, lang)[1].get(question_id)


def ids() -> tuple[str, ...]:
    """Every question id (language-free), in order."""
    return tuple(p.id for p in questions("en"))


def clear() -> None:
    """Forget the built questions (tests; a retrained model shipped while the server runs)."""
    _CACHE.clear()
