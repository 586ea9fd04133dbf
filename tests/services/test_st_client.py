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
