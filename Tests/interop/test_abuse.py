"""Hostile clients against tilts-interop-server on a Unix socket (module-scoped `unix_server`).

Each test misbehaves on its own connection, accepts a clean error or a connection close as the outcome,
then checks that the server process is still up and serves a fresh grpcio client (EmptyCall, Health).
"""

from __future__ import annotations

import random
import socket
import time

import grpc
import h2.errors
import pytest

import raw_h2
import support

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def assert_still_serving(pb, endpoint, proc):
    assert proc.alive(), f"the server died:\n{proc.log_tail()}"
    with endpoint.channel() as channel:
        stub = pb.test_grpc.TestServiceStub(channel)
        assert stub.EmptyCall(pb.empty.Empty(), timeout=10).ByteSize() == 0
        assert support.health_status(pb, channel, timeout=10) == pb.health.HealthCheckResponse.SERVING


def read_until_closed(sock: socket.socket, timeout: float) -> bytes:
    """Reads until the peer closes (returns what came) or `timeout` passes (raises AssertionError)."""
    deadline = time.monotonic() + timeout
    received = b""
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk
    raise AssertionError(f"the server kept the connection open for {timeout}s (got {len(received)} bytes)")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_garbage_bytes(pb, unix_server, seed):
    endpoint, proc = unix_server
    garbage = random.Random(seed).randbytes(64 * 1024)
    with raw_h2.connect_unix(endpoint.socket_path) as sock:
        try:
            sock.sendall(garbage)
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed on us mid-send: a clean outcome
        read_until_closed(sock, timeout=10)
    assert_still_serving(pb, endpoint, proc)


def test_garbage_after_a_valid_preface(pb, unix_server):
    endpoint, proc = unix_server
    with raw_h2.connect_unix(endpoint.socket_path) as sock:
        # A valid preface and empty SETTINGS, then a frame header claiming a 16 MiB DATA frame on stream 0.
        try:
            sock.sendall(PREFACE + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00" + b"\xff\xff\xff\x00\x00\x00\x00\x00\x00" + b"x" * 100)
        except (BrokenPipeError, ConnectionResetError):
            pass
        read_until_closed(sock, timeout=10)
    assert_still_serving(pb, endpoint, proc)


@pytest.mark.parametrize("cut", [1, 10, len(PREFACE) - 1])
def test_truncated_preface_then_close(pb, unix_server, cut):
    endpoint, proc = unix_server
    with raw_h2.connect_unix(endpoint.socket_path) as sock:
        sock.sendall(PREFACE[:cut])
    # The same, half-closed: the server must notice EOF and close its side.
    with raw_h2.connect_unix(endpoint.socket_path) as sock:
        sock.sendall(PREFACE[:cut])
        sock.shutdown(socket.SHUT_WR)
        read_until_closed(sock, timeout=10)
    assert_still_serving(pb, endpoint, proc)


def test_many_idle_connections_closed_abruptly(pb, unix_server):
    endpoint, proc = unix_server
    socks = [raw_h2.connect_unix(endpoint.socket_path) for _ in range(200)]
    for i, sock in enumerate(socks):
        if i % 2:
            sock.sendall(PREFACE)
        sock.close()
    assert_still_serving(pb, endpoint, proc)


def test_10000_streams_opened_and_reset(pb, unix_server):
    """HEADERS then RST_STREAM, 10,000 times on one connection. nghttp2's stream-reset rate limit may
    answer with GOAWAY and close the connection: that is a clean outcome too."""
    endpoint, proc = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    headers = client.grpc_headers("/grpc.testing.TestService/FullDuplexCall")
    sent = 0
    try:
        client.pump(1.0)  # the server's SETTINGS
        while sent < 10_000 and not client.closed and client.goaway is None:
            for _ in range(100):
                sid = client.conn.get_next_available_stream_id()
                client.conn.send_headers(sid, headers, end_stream=False)
                client.conn.reset_stream(sid, error_code=h2.errors.ErrorCodes.CANCEL)
                sent += 1
            client.flush()
            while client.pump(0.0):  # drain whatever the server answered so far, without waiting
                pass
        # Either all streams went through or the server ended the connection; it must stay responsive.
        if not client.closed and client.goaway is None:
            sid = client.start(client.grpc_headers("/grpc.testing.TestService/EmptyCall"), raw_h2.grpc_frame(b""))
            response = client.wait(sid, timeout=10)
            assert (response.status == 200 and response.grpc_status == 0) or client.goaway is not None or client.closed, response
    finally:
        client.close()
    assert sent > 0
    assert_still_serving(pb, endpoint, proc)


@pytest.mark.parametrize("body", [
    pytest.param(b"\x1a\xff\xff\x03" + b"\x00" * 10, id="length-beyond-buffer"),
    pytest.param(b"\x10" + b"\xff" * 11, id="overlong-varint"),
    pytest.param(b"\x1a", id="truncated-length"),
    pytest.param(b"\x0f\x00", id="invalid-wire-type"),
    pytest.param(b"\x1a\x03\x12\x05ab", id="nested-length-beyond-parent"),
])
def test_malformed_protobuf_body(pb, unix_server, body):
    """A real gRPC call (grpcio, raw bytes in) whose request does not parse as a SimpleRequest."""
    endpoint, proc = unix_server
    with endpoint.channel() as channel:
        call = channel.unary_unary("/grpc.testing.TestService/UnaryCall")
        with pytest.raises(grpc.RpcError) as info:
            call(body, timeout=10)
        assert info.value.code() in (grpc.StatusCode.INTERNAL, grpc.StatusCode.INVALID_ARGUMENT), info.value
    assert_still_serving(pb, endpoint, proc)


def test_grpc_frame_length_beyond_the_data(pb, unix_server):
    """The 5-byte gRPC prefix promises 1000 bytes, the stream ends after 3: a clean error, not a hang."""
    endpoint, proc = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    try:
        sid = client.start(client.grpc_headers("/grpc.testing.TestService/UnaryCall"),
                           b"\x00\x00\x00\x03\xe8abc")
        response = client.wait(sid, timeout=10)
        assert response.ended, "no answer within 10 s"
        assert response.reset_code is not None or response.grpc_status not in (None, 0), response
    finally:
        client.close()
    assert_still_serving(pb, endpoint, proc)
