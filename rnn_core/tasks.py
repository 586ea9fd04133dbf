"""Seeded sequence tasks, each with the score a model *without memory* gets.

Every generator takes a ``torch.Generator`` (or an int seed) and returns a
:class:`Batch` whose ``x`` is batch-first float32, shape ``(B, T, input_size)``.
Classification labels ``y`` are ``int64`` class indices of shape ``(B,)`` (what
``cross_entropy`` wants); regression targets are float32 of shape ``(B, 1)``.

Tasks
-----
* **Order** (station 1): "did A come before B?" One A, one B, distractors.
* **TV series** (station 2): a key event (sad trauma or happy reunion), ordinary
  episodes, then the final scene where the character cries. Label = the key
  event's mood = *why* they cry.
* **Adding problem** (Le, Jaitly & Hinton 2015; Arjovsky et al. 2016).
* **Latch**: keep one bit seen at step 0 for ``T`` steps while noise arrives.
* **Copy task** baseline (Arjovsky et al. 2016): only the formula.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import torch

__all__ = [
    "Batch",
    "ORDER_VOCAB",
    "ORDER_DISTRACTORS",
    "ORDER_BASELINE_ACCURACY",
    "order_task",
    "encode_order_sequence",
    "EPISODE_KINDS",
    "ORDINARY_KINDS",
    "MOODS",
    "SERIES_INPUT_SIZE",
    "SERIES_BASELINE_ACCURACY",
    "Episode",
    "series_task",
    "series_stream",
    "make_timeline",
    "encode_timeline",
    "adding_task",
    "ADDING_BASELINE_MSE",
    "latch_task",
    "LATCH_BASELINE_ACCURACY",
    "LATCH_BASELINE_LOSS",
    "copy_baseline",
]


@dataclass
class Batch:
    """One batch of a task.

    ``x``: float32 ``(B, T, input_size)``; ``y``: int64 ``(B,)`` (classes) or
    float32 ``(B, 1)`` (regression); ``extras``: per-example side information
    (e.g. ``distance`` for the series task), tensors of shape ``(B,)``.
    """

    x: torch.Tensor
    y: torch.Tensor
    extras: dict[str, torch.Tensor] = field(default_factory=dict)

    def __len__(self) -> int:
        return self.x.shape[0]

    def __getattr__(self, name: str) -> torch.Tensor:
        # batch.distance is batch.extras["distance"]
        extras = self.__dict__.get("extras", {})
        if name in extras:
            return extras[name]
        raise AttributeError(name)


def _gen(seed: int | torch.Generator | None) -> torch.Generator:
    """A torch.Generator from an int seed (or pass a generator through)."""
    if isinstance(seed, torch.Generator):
        return seed
    return torch.Generator().manual_seed(0 if seed is None else int(seed))


# ---------------------------------------------------------------------------
# Station 1: order task
# ---------------------------------------------------------------------------

ORDER_VOCAB: tuple[str, ...] = ("A", "B", "C", "D", "E")
"""Tokens of the order task; ``C``, ``D``, ``E`` are distractors."""
ORDER_DISTRACTORS: tuple[str, ...] = ORDER_VOCAB[2:]
ORDER_BASELINE_ACCURACY = 0.5
"""A model that sees only *which* tokens occur (a bag) gets 50 %: every bag holds one A and one B."""


def order_task(batch: int, length: int = 6, seed: int | torch.Generator | None = 0) -> Batch:
    """"Did A come before B?"

    Each sequence has ``length`` tokens: exactly one ``A``, one ``B`` (at two
    distinct uniformly random positions) and distractors drawn uniformly from
    ``C, D, E``. Each step is the token's one-hot vector (size ``len(ORDER_VOCAB)``).

    Label ``y = 1`` if ``pos(A) < pos(B)`` else ``0``; by symmetry P(y=1) = 1/2.
    Extras: ``pos_a``, ``pos_b``.
    """
    if length < 2:
        raise ValueError("order task needs length >= 2")
    g = _gen(seed)
    v = len(ORDER_VOCAB)
    tokens = torch.randint(2, v, (batch, length), generator=g)
    # two distinct positions: argsort of random keys gives a random permutation
    perm = torch.rand(batch, length, generator=g).argsort(dim=1)
    pos_a, pos_b = perm[:, 0], perm[:, 1]
    rows = torch.arange(batch)
    tokens[rows, pos_a] = 0
    tokens[rows, pos_b] = 1
    x = torch.nn.functional.one_hot(tokens, v).float()
    y = (pos_a < pos_b).long()
    return Batch(x, y, {"pos_a": pos_a, "pos_b": pos_b})


def encode_order_sequence(tokens: Sequence[str]) -> torch.Tensor:
    """Encode a user-arranged token list (e.g. ``["C", "B", "A", "D"]``) as ``(1, T, 5)`` one-hots.

    Any length and any tokens of :data:`ORDER_VOCAB` are accepted (the models were
    trained with one A and one B, which is what the page lets users build).
    """
    try:
        idx = [ORDER_VOCAB.index(str(tok).upper()) for tok in tokens]
    except ValueError as exc:
        raise ValueError(f"unknown token in {list(tokens)!r}; vocabulary is {ORDER_VOCAB}") from exc
    if not idx:
        raise ValueError("empty sequence")
    return torch.nn.functional.one_hot(torch.tensor(idx), len(ORDER_VOCAB)).float().unsqueeze(0)


# ---------------------------------------------------------------------------
# Station 2: TV series
# ---------------------------------------------------------------------------

EPISODE_KINDS: tuple[str, ...] = ("key", "ordinary1", "ordinary2", "ordinary3", "final")
"""Episode types. ``key`` = the key event (trauma if sad, reunion if happy); ``final`` = the character cries."""
ORDINARY_KINDS: tuple[str, ...] = EPISODE_KINDS[1:4]
MOODS: tuple[str, ...] = ("sad", "happy")
"""Mood classes; also the label order: 0 = sad tears (trauma), 1 = happy tears (reunion)."""
SERIES_INPUT_SIZE = len(EPISODE_KINDS) + len(MOODS)
"""7 features per episode: type one-hot (5) followed by mood one-hot (2)."""
SERIES_BASELINE_ACCURACY = 0.5


class Episode(NamedTuple):
    """One episode of a user-built timeline: ``kind`` from EPISODE_KINDS, ``mood`` from MOODS or None."""

    kind: str
    mood: str | None = None


def series_task(
    batch: int,
    distances: tuple[int, int] | Sequence[int] = (1, 30),
    *,
    moods: bool = False,
    length: int | None = None,
    seed: int | torch.Generator | None = 0,
) -> Batch:
    """The TV-series task: why does the character cry in the final scene?

    Every sequence has the same length ``T`` (default ``max distance + 1``). The
    last step is the ``final`` scene; the ``key`` event sits ``d`` steps before
    it (``d = T-1 - key_position``, so ``d = 1`` means the episode just before the
    final); every other step is an ordinary episode of a random ordinary kind.

    Feature layout (the same for both variants, ``SERIES_INPUT_SIZE = 7``)::

        x_t = [ onehot(kind) (5) | onehot(mood) (2) ]

    * ``moods=False`` (simple series): only the key event carries a mood, so
      "key-sad" and "key-happy" are in effect two distinct episode types and
      every other step is a pure type one-hot. Remembering *that the key
      happened and how* is enough.
    * ``moods=True`` (realistic series): every ordinary episode also carries a
      random mood (uniform sad/happy, independent of the label). The model must
      store the mood at the key event and ignore all later moods.

    The final scene carries no mood. Label ``y`` = key mood (0 sad, 1 happy).

    ``distances`` is an inclusive range ``(d_min, d_max)`` sampled uniformly,
    or an explicit list of distances to sample from. Extras: ``distance``,
    ``key_position``.
    """
    g = _gen(seed)
    if isinstance(distances, tuple) and len(distances) == 2:
        pool = torch.arange(int(distances[0]), int(distances[1]) + 1)
    else:
        pool = torch.as_tensor(list(distances), dtype=torch.long)
    if pool.numel() == 0 or int(pool.min()) < 1:
        raise ValueError("distances must be >= 1")
    d_max = int(pool.max())
    T = d_max + 1 if length is None else int(length)
    if T < d_max + 1:
        raise ValueError(f"length {T} too short for distance {d_max}")
    n_kinds = len(EPISODE_KINDS)
    d = pool[torch.randint(0, pool.numel(), (batch,), generator=g)]
    key_pos = (T - 1) - d
    y = torch.randint(0, 2, (batch,), generator=g)
    kinds = torch.randint(1, 4, (batch, T), generator=g)  # ordinary1..3
    mood = torch.randint(0, 2, (batch, T), generator=g)
    rows = torch.arange(batch)
    kinds[rows, key_pos] = 0
    kinds[:, T - 1] = n_kinds - 1
    mood[rows, key_pos] = y
    x = torch.zeros(batch, T, SERIES_INPUT_SIZE)
    x.scatter_(2, kinds.unsqueeze(-1), 1.0)
    mood_oh = torch.nn.functional.one_hot(mood, 2).float()
    if moods:
        mood_oh[:, T - 1] = 0.0  # the final scene has no mood
    else:
        keep = torch.zeros(batch, T, 1)
        keep[rows, key_pos] = 1.0
        mood_oh = mood_oh * keep
    x[:, :, n_kinds:] = mood_oh
    return Batch(x, y, {"distance": d, "key_position": key_pos})


def series_stream(
    batch: int = 128, *, max_distance: int = 30, max_prefix: int = 30, moods: bool = False
):
    """Training stream for the series task: ``sample(generator) -> Batch``.

    Each call draws one distance ``d ~ U{1..max_distance}`` and one prefix
    length ``p ~ U{0..max_prefix}`` (ordinary episodes before the key event) for
    the whole batch, so a batch has length ``T = p + d + 1``. Distance and
    prefix are independent, so trained models handle short and long timelines
    alike (a fixed ``T`` would tie the key position to ``d`` and leave short
    user timelines out of distribution).
    """

    def sample(gen: torch.Generator) -> Batch:
        d = int(torch.randint(1, max_distance + 1, (1,), generator=gen))
        p = int(torch.randint(0, max_prefix + 1, (1,), generator=gen))
        return series_task(batch, [d], moods=moods, length=p + d + 1, seed=gen)

    return sample


def make_timeline(
    key_mood: str,
    distance: int,
    *,
    before: int = 0,
    ordinary_moods: Sequence[str] | None = None,
    seed: int = 0,
) -> list[Episode]:
    """Build a flat episode list: ``before`` ordinary episodes, the key event,
    ``distance - 1`` ordinary episodes, then the final scene.

    Ordinary kinds cycle deterministically from ``seed``; ordinary moods come
    from ``ordinary_moods`` (cycled) or are random with ``seed``. (Seasons x
    episodes is a UI concept: the page flattens its grid into this list.)
    """
    if key_mood not in MOODS:
        raise ValueError(f"key_mood must be one of {MOODS}")
    if distance < 1:
        raise ValueError("distance must be >= 1")
    g = _gen(seed)
    n_ord = before + distance - 1
    kinds = torch.randint(0, 3, (n_ord,), generator=g).tolist()
    rand_moods = torch.randint(0, 2, (n_ord,), generator=g).tolist()
    ords = []
    for i in range(n_ord):
        m = ordinary_moods[i % len(ordinary_moods)] if ordinary_moods else MOODS[rand_moods[i]]
        ords.append(Episode(ORDINARY_KINDS[kinds[i]], m))
    return [*ords[:before], Episode("key", key_mood), *ords[before:], Episode("final", None)]


def encode_timeline(episodes: Sequence[Episode | tuple | str], *, moods: bool) -> torch.Tensor:
    """Encode a user-built timeline as ``(1, T, 7)`` (layout of :func:`series_task`).

    Each episode is an :class:`Episode`, a ``(kind, mood)`` tuple or a bare kind
    string. With ``moods=False`` (simple series) moods of non-key episodes are
    dropped, exactly as in training; the key event must have a mood.
    """
    if not episodes:
        raise ValueError("empty timeline")
    x = torch.zeros(1, len(episodes), SERIES_INPUT_SIZE)
    n_kinds = len(EPISODE_KINDS)
    for t, ep in enumerate(episodes):
        kind, mood = (ep, None) if isinstance(ep, str) else (ep[0], ep[1] if len(ep) > 1 else None)
        if kind not in EPISODE_KINDS:
            raise ValueError(f"unknown episode kind {kind!r}; expected one of {EPISODE_KINDS}")
        if mood is not None and mood not in MOODS:
            raise ValueError(f"unknown mood {mood!r}; expected one of {MOODS} or None")
        if kind == "key" and mood is None:
            raise ValueError("the key event needs a mood ('sad' trauma or 'happy' reunion)")
        x[0, t, EPISODE_KINDS.index(kind)] = 1.0
        if mood is not None and kind != "final" and (moods or kind == "key"):
            x[0, t, n_kinds + MOODS.index(mood)] = 1.0
    return x


# ---------------------------------------------------------------------------
# Station 5: adding problem, latch, copy
# ---------------------------------------------------------------------------

ADDING_BASELINE_MSE = 1.0 / 6.0
"""Predicting the mean 1 for a sum of two U[0,1] gives MSE = Var = 2 * 1/12 = 1/6."""


def adding_task(batch: int, length: int = 50, seed: int | torch.Generator | None = 0) -> Batch:
    """Adding problem (Le, Jaitly & Hinton 2015).

    ``x_t = (u_t, m_t)`` with ``u_t ~ U[0, 1]`` and ``m_t = 1`` at exactly two
    positions, one uniform in the first half ``[0, T/2)`` and one in the second
    half ``[T/2, T)``; target ``y = sum_t u_t m_t``. Memoryless baseline: predict
    ``E[y] = 1``, MSE ``1/6``. Extras: ``first``, ``second`` (marked positions).
    """
    if length < 2:
        raise ValueError("adding task needs length >= 2")
    g = _gen(seed)
    half = length // 2
    u = torch.rand(batch, length, generator=g)
    first = torch.randint(0, half, (batch,), generator=g)
    second = torch.randint(half, length, (batch,), generator=g)
    m = torch.zeros(batch, length)
    rows = torch.arange(batch)
    m[rows, first] = 1.0
    m[rows, second] = 1.0
    x = torch.stack([u, m], dim=-1)
    y = (u * m).sum(dim=1, keepdim=True)
    return Batch(x, y, {"first": first, "second": second})


LATCH_BASELINE_ACCURACY = 0.5
LATCH_BASELINE_LOSS = math.log(2.0)


def latch_task(batch: int, length: int = 30, seed: int | torch.Generator | None = 0) -> Batch:
    """Latch: report at step ``T`` the bit shown at step 0.

    ``x_t = (s_t, n_t)``: the signal channel holds ``s_0 = +1`` or ``-1`` (the
    bit) and ``s_t = 0`` afterwards; the noise channel ``n_t ~ N(0, 1)`` for
    ``t >= 1`` is a distractor. Label ``y = 1`` if the bit was +1. Memoryless
    baseline: accuracy 1/2, cross-entropy ``log 2``.
    """
    g = _gen(seed)
    y = torch.randint(0, 2, (batch,), generator=g)
    x = torch.zeros(batch, length, 2)
    x[:, 0, 0] = y.float() * 2 - 1
    x[:, 1:, 1] = torch.randn(batch, length - 1, generator=g)
    return Batch(x, y)


def copy_baseline(T: int) -> float:
    """Copy task memoryless cross-entropy (Arjovsky et al. 2016): ``10 log 8 / (T + 20)``.

    Ten symbols from 8 categories must be reproduced after ``T`` blanks; a model
    that outputs blanks for ``T + 10`` steps and then guesses uniformly pays
    ``log 8`` on 10 of the ``T + 20`` steps.
    """
    return 10.0 * math.log(8.0) / (T + 20)
