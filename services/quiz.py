"""The station-6 quiz as data, and its scoring. Pure Python: no Streamlit, no strings.

Each question is a catalog key (``conclusion.q3``) plus option keys (``conclusion.q3_a`` …) and the index of
the right option; its explanation is ``<key>_why``. The page looks the text up with
``ui.shell.i18n.t``, so the quiz reads the same in both languages and a language switch keeps the
student's answers (the radios store option *indices*, not texts).

An answer sheet is a mapping ``question key → chosen option index or None`` (unanswered).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    """One multiple-choice question.

    key:     catalog key of the question text, e.g. ``"conclusion.q1"``.
    section: the seed's section it checks (1 sequential data … 5 lessons).
    options: number of options (3 or 4); their keys are ``<key>_a``, ``<key>_b`` ….
    correct: index of the right option.
    """

    key: str
    section: int
    options: int
    correct: int

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(f"{self.key}_{letter}" for letter in "abcd"[: self.options])

    @property
    def why_key(self) -> str:
        """Catalog key of the explanation shown after answering."""
        return f"{self.key}_why"

    def is_correct(self, choice: int | None) -> bool:
        return choice == self.correct


QUESTIONS: tuple[Question, ...] = (
    Question("conclusion.q1", section=1, options=4, correct=2),  # a bag of inputs cannot see order
    Question("conclusion.q2", section=2, options=4, correct=1),  # the hidden state carries the past
    Question("conclusion.q3", section=2, options=3, correct=1),  # the TV series: watch from season 1
    Question("conclusion.q4", section=3, options=4, correct=0),  # Pascanu: σ_max < 1/γ ⇒ vanishing
    Question("conclusion.q5", section=3, options=4, correct=3),  # clipping tames exploding, not vanishing
    Question("conclusion.q6", section=4, options=4, correct=1),  # forget-gate bias 1
    Question("conclusion.q7", section=4, options=3, correct=0),  # PyTorch GRU: z → 1 keeps the old state
    Question("conclusion.q8", section=5, options=4, correct=2),  # the lesson: a loop alone is not enough
)
SECTIONS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Score:
    """Result of grading an answer sheet."""

    correct: int
    answered: int
    total: int

    @property
    def unanswered(self) -> int:
        return self.total - self.answered

    @property
    def fraction(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def perfect(self) -> bool:
        return self.total > 0 and self.correct == self.total


def _valid(question: Question, choice: object) -> int | None:
    """The choice as an option index, or None if unanswered or not a valid index."""
    if isinstance(choice, bool) or not isinstance(choice, int):
        return None
    return choice if 0 <= choice < question.options else None


def normalise(answers: Mapping[str, object], questions: tuple[Question, ...] = QUESTIONS) -> dict[str, int | None]:
    """One entry per question: the chosen index, or None (missing, None, junk or out of range)."""
    return {q.key: _valid(q, answers.get(q.key)) for q in questions}


def grade(answers: Mapping[str, object], questions: tuple[Question, ...] = QUESTIONS) -> Score:
    """Count right answers; an unanswered question counts as wrong."""
    sheet = normalise(answers, questions)
    return Score(
        correct=sum(q.is_correct(sheet[q.key]) for q in questions),
        answered=sum(choice is not None for choice in sheet.values()),
        total=len(questions),
    )


def answer_key(questions: tuple[Question, ...] = QUESTIONS) -> dict[str, int]:
    """The right answer to every question (used by tests and by "show me the answers")."""
    return {q.key: q.correct for q in questions}


def encouragement_key(score: Score) -> str:
    """Catalog key of the sentence shown under the score: four bands by fraction right."""
    if score.perfect:
        return "conclusion.quiz_praise_perfect"
    if score.fraction >= 0.75:
        return "conclusion.quiz_praise_high"
    if score.fraction >= 0.4:
        return "conclusion.quiz_praise_mid"
    return "conclusion.quiz_praise_low"


def catalog_keys(questions: tuple[Question, ...] = QUESTIONS) -> list[str]:
    """Every catalog key the quiz needs (question, options, explanation)."""
    return [k for q in questions for k in (q.key, *q.option_keys, q.why_key)]
