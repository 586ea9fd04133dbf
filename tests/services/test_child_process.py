"""services.child_process: a computation in a child forked from the server's zygote, its messages
streamed back in order, its result or its failure returned, a stop asked and honoured, and no child
left behind. The functions the children run are defined here, at module level (they cross the
socket by name, as ``services.race_runner._race_in_child`` does)."""

from __future__ import annotations

import math
import os
import sys
import time

import pytest

from services import child_process


def _count(n: int, channel) -> dict:
    for i in range(n):
        channel.send(i)
    return {"pid": os.getpid(), "parent": os.getppid(), "torch_preloaded": "torch" in sys.modules}


def _floats(channel) -> tuple:
    channel.send((0.1 + 0.2, math.nan, -math.inf, 1e-310))
    return (0.1 + 0.2, math.nan, -math.inf, 1e-310)


def _fail(channel) -> None:
    raise ValueError("no such race")


def _die(channel) -> None:
    os._exit(3)


def _until_stopped(channel) -> int:
    """Send a message every 10 ms until the server asks to stop (at most 10 s)."""
    for i in range(1000):
        if channel.stopping():
            return i
        channel.send(i)
        time.sleep(0.01)
    return -1


def _pid_then_forever(channel) -> None:
    channel.send(os.getpid())
    for _ in range(1000):
        time.sleep(0.01)
        channel.send("still here")


def _torch_threads(channel) -> int:
    import torch

    import rnn_core  # noqa: F401 - sets the thread count, as in the command line

    return torch.get_num_threads()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_messages_in_order_then_the_result_from_a_child_of_the_zygote():
    zygote = child_process.prepare()
    got = []
    result = child_process.run(_count, 50, on_message=got.append)
    assert got == list(range(50))
    assert result["pid"] not in (os.getpid(), zygote) and result["parent"] == zygote
    assert result["torch_preloaded"]  # imported once in the zygote, not by each child


def test_floats_cross_bit_for_bit():
    got = []
    result = child_process.run(_floats, on_message=got.append)
    for values in (got[0], result):
        assert values[0] == 0.1 + 0.2 and math.isnan(values[1]) and values[2] == -math.inf and values[3] == 1e-310


def test_a_failure_in_the_child_is_raised_here_with_its_type_and_message():
    with pytest.raises(child_process.ChildFailed, match="ValueError: no such race"):
        child_process.run(_fail, on_message=lambda m: None)


def test_a_child_that_dies_without_a_word_is_a_failure_not_a_hang():
    start = time.perf_counter()
    with pytest.raises(child_process.ChildFailed, match="without an answer"):
        child_process.run(_die, on_message=lambda m: None)
    assert time.perf_counter() - start < 30


def test_a_stop_is_asked_once_and_the_child_returns_early():
    got = []
    stopped_at = child_process.run(_until_stopped, on_message=got.append, should_stop=lambda: len(got) >= 5,
                                   poll=0.01)
    assert 5 <= stopped_at < 1000 and got == list(range(stopped_at))


def test_the_child_ends_when_the_server_stops_listening():
    pids = []

    def first_only(message):
        pids.append(message)
        raise KeyError("the page broke")

    with pytest.raises(KeyError):
        child_process.run(_pid_then_forever, on_message=first_only)
    deadline = time.monotonic() + 10
    while _alive(pids[0]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pids[0])  # ended at its next send, and reaped by the zygote (no zombie left)


def test_a_child_trains_with_one_torch_thread_like_the_command_line():
    assert child_process.run(_torch_threads, on_message=lambda m: None) == 1


def test_a_dead_zygote_is_replaced():
    first = child_process.prepare()
    child_process.shutdown()
    assert not _alive(first)
    got = []
    result = child_process.run(_count, 3, on_message=got.append)
    assert got == [0, 1, 2] and result["parent"] != first
