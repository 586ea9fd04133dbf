"""The browserless client's websocket frame reader (``services.st_client.read_message``), on frames
built by hand after RFC 6455 §5.2, and on a real Streamlit server's frames in the benchmark tests."""

from __future__ import annotations

import io

import pytest

from services.st_client import read_message


def frame(payload: bytes, opcode: int = 0x2, fin: bool = True) -> bytes:
    """One unmasked frame, as a server sends it: 7-bit, 16-bit or 64-bit length."""
    n = len(payload)
    head = bytes([(0x80 if fin else 0) | opcode])
    if n < 126:
        head += bytes([n])
    elif n < 1 << 16:
        head += bytes([126]) + n.to_bytes(2, "big")
    else:
        head += bytes([127]) + n.to_bytes(8, "big")
    return head + payload


def _reader(*frames: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(b"".join(frames)), buffer_size=1 << 16)


@pytest.mark.parametrize("size", [0, 1, 125, 126, 65_535, 65_536, 300_000])
def test_every_length_encoding_round_trips(size):
    payload = bytes(i % 251 for i in range(size))
    reader = _reader(frame(payload), frame(b"next"))
    assert read_message(reader, lambda _: None) == payload
    assert read_message(reader, lambda _: None) == b"next"
    assert read_message(reader, lambda _: None) is None  # the end of the stream


def test_fragments_are_joined_and_a_ping_between_them_is_answered():
    pongs = []
    reader = _reader(frame(b"ab", fin=False), frame(b"hello?", opcode=0x9), frame(b"cd", opcode=0x0, fin=False),
                     frame(b"", opcode=0xA), frame(b"ef", opcode=0x0))
    assert read_message(reader, pongs.append) == b"abcdef"
    assert pongs == [b"hello?"]


def test_close_frame_or_a_cut_stream_ends_the_session():
    assert read_message(_reader(frame(b"\x03\xe8", opcode=0x8), frame(b"after")), lambda _: None) is None
    assert read_message(_reader(frame(b"x" * 200)[:50]), lambda _: None) is None  # cut inside the payload
    assert read_message(_reader(b"\x82"), lambda _: None) is None  # cut inside the header


def test_a_masked_server_frame_is_refused():
    with pytest.raises(ConnectionError, match="masked"):
        read_message(_reader(bytes([0x82, 0x80 | 3]) + b"\x00\x00\x00\x00abc"), lambda _: None)


class _Socket:
    """What Session needs of a websocket: the socket it reads frames from, and what it sends."""

    def __init__(self, sock) -> None:
        self.sock, self.sent, self.pongs = sock, [], []

    def settimeout(self, _) -> None:
        pass

    def send(self, data, opcode=None) -> None:
        self.sent.append(data)

    def pong(self, payload) -> None:
        self.pongs.append(payload)

    def close(self) -> None:
        self.sock.close()


def _run(markdown: str, *, exception: bool = False) -> list[bytes]:
    """The ForwardMsgs of one full script run: new_session, its elements, script_finished."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msgs = [ForwardMsg()]
    msgs[0].new_session.name = "run"
    element = ForwardMsg()
    element.delta.new_element.markdown.body = markdown
    msgs.append(element)
    if exception:
        broken = ForwardMsg()
        broken.delta.new_element.exception.type = "ValueError"
        broken.delta.new_element.exception.message = "boom"
        msgs.append(broken)
    done = ForwardMsg()
    done.script_finished = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
    msgs.append(done)
    return [m.SerializeToString() for m in msgs]


def test_a_session_pumps_each_run_from_the_batched_hand_off_and_keeps_what_follows():
    """Two runs arrive back to back (and a ping between them): the first visit ends at its own
    script_finished with its elements, times and bytes; the second gets the rest, exception included."""
    import socket
    import time

    from services.st_client import Session, Visit, _full_run_done

    server, client = socket.socketpair()
    ws = _Socket(client)
    session = Session("ws://unused", ws=ws)
    first, second = _run("first page"), _run("second page", exception=True)
    server.sendall(b"".join(frame(m) for m in first) + frame(b"are you there?", opcode=0x9)
                   + b"".join(frame(m) for m in second))
    one = Visit(page="one", started=time.perf_counter())
    assert session._pump(one, one.started + 10, _full_run_done)
    assert one.runs[0].texts == ["first page"] and not one.errors
    assert one.bytes == sum(len(m) for m in first) and one.started <= one.ended
    two = Visit(page="two", started=time.perf_counter())
    assert session._pump(two, two.started + 10, _full_run_done)
    assert two.runs[0].texts == ["second page"] and two.errors == ["exception element: ValueError: boom"]
    assert ws.pongs == [b"are you there?"]
    server.close()  # the server goes: the next visit says so instead of waiting
    three = Visit(page="three", started=time.perf_counter())
    assert not session._pump(three, three.started + 10, _full_run_done)
    assert three.errors and three.errors[0].startswith("socket closed")
