#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into Tests/Fuzz/corpus/<target>/ (deterministic).

- wire-decode: the golden binary vectors (Tests/TiltsWireTests/Fixtures) and a hand-encoded Event;
- wire-json:   the golden proto3 JSON vectors;
- message-deframer: [limit byte, chunking byte] + gRPC length-prefixed streams;
- http2-server: [flags byte] + client frames after the preface, made with the `h2` library
  (the interop suite's .venv has it): gRPC requests with and without bodies, trailers, resets,
  pings, window updates, GOAWAY.

Run from the repository root: .venv/bin/python Tests/Fuzz/make_corpus.py (it overwrites its own seeds and
leaves other files, such as committed crash inputs, in place).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "Tests" / "TiltsWireTests" / "Fixtures"
CORPUS = HERE / "corpus"


def write(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number: int, wire: int, payload: bytes) -> bytes:
    key = varint(number << 3 | wire)
    if wire == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def golden_cases():
    for fixture in ("golden.json", "referral-golden.json"):
        for case in json.loads((FIXTURES / fixture).read_text())["cases"]:
            yield fixture.split(".")[0], case


def wire_decode() -> None:
    for prefix, case in golden_cases():
        write("wire-decode", f"{prefix}-{case['name']}", bytes.fromhex(case["hex"]))
    timestamp = field(1, 0, varint(1_772_400_000)) + field(2, 0, varint(123_000_000))
    event = (field(1, 0, varint(42)) + field(2, 2, b"0b6e3f5c-2a47-4d2e-9a51-7f2c1d3e4b5a") + field(3, 2, timestamp)
             + field(4, 2, b"c0ffee00-0000-4000-8000-000000000001") + field(5, 2, b"ReferralSubmitted")
             + field(6, 2, bytes.fromhex("0a0472696761")) + field(7, 2, b"referral"))
    write("wire-decode", "event", event)
    write("wire-decode", "unknown-fields", field(99, 0, varint(7)) + field(100, 2, b"x") + field(101, 5, b"\x01\x02\x03\x04"))


def wire_json() -> None:
    for prefix, case in golden_cases():
        write("wire-json", f"{prefix}-{case['name']}", case["json"].encode())
        write("wire-json", f"{prefix}-{case['name']}-proto-names", case["json_proto_names"].encode())
    write("wire-json", "event", json.dumps({
        "sequence": "42", "eventId": "0b6e3f5c", "occurredAt": "2026-03-02T09:15:04.123Z", "caseId": "c0ffee",
        "kind": "ReferralSubmitted", "payload": "CgRyaWdh", "source": "referral"}).encode())


def grpc_frame(message: bytes, flag: int = 0) -> bytes:
    return struct.pack(">BI", flag, len(message)) + message


def message_deframer() -> None:
    two = grpc_frame(b"hello") + grpc_frame(b"") + grpc_frame(bytes(range(40)))
    write("message-deframer", "three-messages-whole", bytes([5, 0]) + two)
    write("message-deframer", "three-messages-bytewise", bytes([5, 1]) + two)
    write("message-deframer", "partial-tail", bytes([4, 7]) + two + b"\x00\x00\x00")
    write("message-deframer", "over-limit", bytes([2, 3]) + grpc_frame(b"x" * 100))
    write("message-deframer", "compressed", bytes([5, 2]) + grpc_frame(b"abc", flag=1))
    write("message-deframer", "huge-declared", bytes([6, 0]) + b"\x00\xff\xff\xff\xff")


def http2_server() -> None:
    import h2.config
    import h2.connection
    import h2.events
    import h2.settings

    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    request = [(":method", "POST"), (":scheme", "http"), (":path", "/tilts.referral.v1.ReferralService/GetReferral"),
               (":authority", "localhost"), ("content-type", "application/grpc"), ("te", "trailers"),
               ("grpc-timeout", "5S"), ("x-request-id", "seed-1"), ("tilts-principal-bin", "CAIaBHJpZ2E")]

    def client() -> h2.connection.H2Connection:
        connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        connection.initiate_connection()
        return connection

    def frames(connection) -> bytes:
        data = connection.data_to_send()
        return data[len(preface):] if data.startswith(preface) else data

    def seed(name: str, build, flags=(0, 1, 3, 9)) -> None:
        connection = client()
        out = frames(connection)
        out += build(connection)
        for flag in flags:
            write("http2-server", f"{name}-{flag}", bytes([flag]) + out)

    def unary(c):
        c.send_headers(1, request)
        c.send_data(1, grpc_frame(b"\x0a\x03abc"), end_stream=True)
        return frames(c)

    def two_streams_and_trailers(c):
        c.send_headers(1, request)
        c.send_data(1, grpc_frame(b"x" * 300))
        c.send_headers(1, [("grpc-status", "0")], end_stream=True)
        c.send_headers(3, request, end_stream=True)
        return frames(c)

    def reset_ping_window(c):
        c.send_headers(1, request)
        c.reset_stream(1)
        c.ping(b"12345678")
        c.increment_flow_control_window(65535)
        c.send_headers(3, request)
        c.increment_flow_control_window(1000, stream_id=3)
        c.send_data(3, grpc_frame(b""), end_stream=True)
        return frames(c)

    def settings_and_goaway(c):
        c.update_settings({h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS: 5,
                           h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 1024,
                           h2.settings.SettingCodes.MAX_FRAME_SIZE: 32768})
        c.send_headers(1, request, end_stream=True)
        c.close_connection()
        return frames(c)

    def priority_and_padding(c):
        c.send_headers(1, request, priority_weight=200, priority_depends_on=0, priority_exclusive=True)
        c.send_data(1, grpc_frame(b"pad"), pad_length=17, end_stream=True)
        return frames(c)

    seed("unary", unary)
    seed("two-streams-trailers", two_streams_and_trailers)
    seed("reset-ping-window", reset_ping_window)
    seed("settings-goaway", settings_and_goaway)
    seed("priority-padding", priority_and_padding)
    write("http2-server", "settings-only", bytes([0]) + frames(client()))


if __name__ == "__main__":
    wire_decode()
    wire_json()
    message_deframer()
    http2_server()
    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(f"{target}: {len(list((CORPUS / target).iterdir()))} seeds")
