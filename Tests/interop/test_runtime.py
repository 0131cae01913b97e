"""The gRPC runtime beyond the standard cases, judged by Python grpcio (and raw HTTP/2 where grpcio can't).

Parametrization:
- tests taking `stub`/`channel` run once per transport of the module-scoped `interop_server` (unix, tls);
- raw HTTP/2 tests use `unix_server` (a Unix socket only);
- TLS configuration tests (`launch`) start their own servers: mTLS required / optional, ALPN.
Tests marked `tilts_only` check promises of our server that grpc's reference servers don't make.
"""

from __future__ import annotations

import os
import signal
import socket
import ssl
import stat
import warnings

import grpc
import pytest

import interop_cases
import raw_h2
import support
from interop_cases import ECHO_INITIAL_KEY, ECHO_TRAILING_KEY, Pipe, expect_code, zeros

MIB = 1024 * 1024
TIMEOUT = 30.0


def assert_healthy(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    assert stub.EmptyCall(pb.empty.Empty(), timeout=TIMEOUT).ByteSize() == 0
    assert support.health_status(pb, channel, timeout=5) == pb.health.HealthCheckResponse.SERVING


# ------------------------------------------------------------------------------------ call kinds


def test_unary(pb, stub):
    for size in (0, 1, 16383, 16384, 16385, 100_000):
        request = pb.messages.SimpleRequest(response_size=size, payload=zeros(pb, size // 2))
        response = stub.UnaryCall(request, timeout=TIMEOUT)
        assert len(response.payload.body) == size


def test_server_streaming(pb, stub):
    sizes = [0, 1, 70_000, 5, 300_000] + [10] * 100
    request = pb.messages.StreamingOutputCallRequest(
        response_parameters=[pb.messages.ResponseParameters(size=n) for n in sizes])
    call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
    assert [len(r.payload.body) for r in call] == sizes
    assert call.code() == grpc.StatusCode.OK


def test_client_streaming(pb, stub):
    sizes = [0, 1, 70_000] + [3] * 500
    requests = (pb.messages.StreamingInputCallRequest(payload=zeros(pb, n)) for n in sizes)
    assert stub.StreamingInputCall(requests, timeout=TIMEOUT).aggregated_payload_size == sum(sizes)
    assert stub.StreamingInputCall(iter(()), timeout=TIMEOUT).aggregated_payload_size == 0


def test_bidi_streaming_interleaved(pb, stub):
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        for i in range(50):
            sizes = [i, i * 1000]
            pipe.add(pb.messages.StreamingOutputCallRequest(
                response_parameters=[pb.messages.ResponseParameters(size=n) for n in sizes],
                payload=zeros(pb, i)))
            assert [len(next(responses).payload.body) for _ in sizes] == sizes
        pipe.close()
        assert next(responses, None) is None
    assert responses.code() == grpc.StatusCode.OK


def test_concurrent_calls_on_one_connection(pb, stub):
    futures = [stub.UnaryCall.future(pb.messages.SimpleRequest(response_size=n * 100), timeout=TIMEOUT)
               for n in range(200)]
    assert [len(f.result().payload.body) for f in futures] == [n * 100 for n in range(200)]


# ------------------------------------------------------------------------ deadlines, cancellation


def sleeping_request(pb, seconds: float = 20.0):
    return pb.messages.StreamingOutputCallRequest(
        response_parameters=[pb.messages.ResponseParameters(size=1, interval_us=int(seconds * 1e6))])


def test_deadline_the_server_cannot_meet(pb, stub, channel):
    call = stub.StreamingOutputCall(sleeping_request(pb), timeout=0.3)
    expect_code(lambda: list(call), grpc.StatusCode.DEADLINE_EXCEEDED, "StreamingOutputCall sleeping 20 s")
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=0.3)
        pipe.add(sleeping_request(pb))
        expect_code(lambda: next(responses), grpc.StatusCode.DEADLINE_EXCEEDED, "FullDuplexCall sleeping 20 s")
    assert_healthy(pb, channel)


def test_server_enforces_grpc_timeout(pb, unix_server):
    """With no client-side deadline machinery (raw HTTP/2), the server itself must end the call when
    grpc-timeout passes: DEADLINE_EXCEEDED trailers, or RST_STREAM."""
    endpoint, _ = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    try:
        headers = client.grpc_headers("/grpc.testing.TestService/StreamingOutputCall", extra=[("grpc-timeout", "200m")])
        sid = client.start(headers, raw_h2.grpc_frame(sleeping_request(pb).SerializeToString()))
        response = client.wait(sid, timeout=10)
        assert response.ended, "the server did not end a call whose grpc-timeout (200 ms) passed, within 10 s"
        assert response.grpc_status == 4 or response.reset_code is not None, response
    finally:
        client.close()
    with endpoint.channel() as channel:
        assert_healthy(pb, channel)


def test_client_cancels_mid_stream(pb, stub, channel):
    request = pb.messages.StreamingOutputCallRequest(
        response_parameters=[pb.messages.ResponseParameters(size=1000, interval_us=20_000)] * 200)
    calls = [stub.StreamingOutputCall(request, timeout=TIMEOUT) for _ in range(10)]
    for call in calls:
        assert len(next(call).payload.body) == 1000
        assert len(next(call).payload.body) == 1000
        call.cancel()
    for call in calls:
        expect_code(lambda: list(call), grpc.StatusCode.CANCELLED, "StreamingOutputCall after cancel()")
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        pipe.add(pb.messages.StreamingOutputCallRequest(response_parameters=[pb.messages.ResponseParameters(size=7)]))
        assert len(next(responses).payload.body) == 7
        responses.cancel()
    assert_healthy(pb, channel)


def test_raw_rst_stream_mid_call(pb, unix_server):
    endpoint, _ = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    try:
        sid = client.start(client.grpc_headers("/grpc.testing.TestService/FullDuplexCall"),
                           raw_h2.grpc_frame(sleeping_request(pb).SerializeToString()), end_stream=False)
        client.pump(0.2)
        client.reset(sid)
        second = client.start(client.grpc_headers("/grpc.testing.TestService/EmptyCall"), raw_h2.grpc_frame(b""))
        response = client.wait(second, timeout=10)
        assert response.status == 200 and response.grpc_status == 0, response
    finally:
        client.close()


# ------------------------------------------------------------------------------- message sizes


def test_3_mib_round_trip(pb, stub):
    body = bytes(range(256)) * (3 * MIB // 256)
    response = stub.UnaryCall(pb.messages.SimpleRequest(response_size=3 * MIB, payload=pb.messages.Payload(body=body)),
                              timeout=TIMEOUT)
    assert len(response.payload.body) == 3 * MIB
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        pipe.add(pb.messages.StreamingOutputCallRequest(
            response_parameters=[pb.messages.ResponseParameters(size=3 * MIB)], payload=pb.messages.Payload(body=body)))
        assert len(next(responses).payload.body) == 3 * MIB
    requests = [pb.messages.StreamingInputCallRequest(payload=pb.messages.Payload(body=body))] * 2
    assert stub.StreamingInputCall(iter(requests), timeout=TIMEOUT).aggregated_payload_size == 6 * MIB


def test_5_mib_request_is_rejected(pb, stub, channel):
    big = zeros(pb, 5 * MIB)
    err = expect_code(lambda: stub.UnaryCall(pb.messages.SimpleRequest(payload=big), timeout=TIMEOUT),
                      grpc.StatusCode.RESOURCE_EXHAUSTED, "UnaryCall with a 5 MiB request")
    assert err.details()
    requests = iter([pb.messages.StreamingInputCallRequest(payload=zeros(pb, 10)),
                     pb.messages.StreamingInputCallRequest(payload=big)])
    expect_code(lambda: stub.StreamingInputCall(requests, timeout=TIMEOUT), grpc.StatusCode.RESOURCE_EXHAUSTED,
                "StreamingInputCall with a 5 MiB second message")
    assert_healthy(pb, channel)


# ------------------------------------------------------------------------------ metadata, status


def test_metadata_round_trip(pb, stub):
    ascii_value = "".join(chr(c) for c in range(0x21, 0x7F)) + " inner spaces ok"
    binary_value = bytes(range(256)) * 4 + b"\x00\xff\x00"
    metadata = ((ECHO_INITIAL_KEY, ascii_value), (ECHO_TRAILING_KEY, binary_value))
    _, call = stub.UnaryCall.with_call(pb.messages.SimpleRequest(response_size=10), metadata=metadata, timeout=TIMEOUT)
    assert dict(call.initial_metadata()).get(ECHO_INITIAL_KEY) == ascii_value
    assert dict(call.trailing_metadata()).get(ECHO_TRAILING_KEY) == binary_value

    responses = stub.StreamingOutputCall(
        pb.messages.StreamingOutputCallRequest(response_parameters=[pb.messages.ResponseParameters(size=3)] * 3),
        metadata=metadata, timeout=TIMEOUT)
    assert len(list(responses)) == 3
    assert dict(responses.initial_metadata()).get(ECHO_INITIAL_KEY) == ascii_value
    assert dict(responses.trailing_metadata()).get(ECHO_TRAILING_KEY) == binary_value

    for value in (b"", b"\x00", b"\xff" * 3000):
        _, call = stub.UnaryCall.with_call(pb.messages.SimpleRequest(), metadata=((ECHO_TRAILING_KEY, value),),
                                           timeout=TIMEOUT)
        assert dict(call.trailing_metadata()).get(ECHO_TRAILING_KEY) == value


def test_trailing_metadata_with_an_error_status(pb, stub):
    status = pb.messages.EchoStatus(code=5, message="nav atrasts")
    call = stub.UnaryCall.future(pb.messages.SimpleRequest(response_status=status),
                                 metadata=((ECHO_TRAILING_KEY, b"\x01\x02\xfe"),), timeout=TIMEOUT)
    expect_code(call.result, grpc.StatusCode.NOT_FOUND, "UnaryCall echoing NOT_FOUND")
    assert call.details() == "nav atrasts"
    assert dict(call.trailing_metadata()).get(ECHO_TRAILING_KEY) == b"\x01\x02\xfe"


NON_ASCII = "Nosūtījums nav atrasts: bērna lieta — 100% 😈 ☺ \"quoted\" %41 \u00a0end"


@pytest.mark.parametrize("code", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16])
def test_status_codes_with_non_ascii_messages(pb, channel, code):
    interop_cases._status_round_trip(pb, channel, code, f"{code}: {NON_ASCII}")


def test_unknown_method_on_known_service(pb, channel):
    call = channel.unary_unary("/grpc.testing.TestService/NoSuchMethod")
    expect_code(lambda: call(b"", timeout=TIMEOUT), grpc.StatusCode.UNIMPLEMENTED, "TestService/NoSuchMethod")


# ------------------------------------------------------------------------------------ health


def test_health_check_and_watch(pb, channel):
    health = pb.health_grpc.HealthStub(channel)
    serving = pb.health.HealthCheckResponse.SERVING
    assert health.Check(pb.health.HealthCheckRequest(), timeout=TIMEOUT).status == serving
    expect_code(lambda: health.Check(pb.health.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT),
                grpc.StatusCode.NOT_FOUND, "Health/Check for an unknown service")
    watch = health.Watch(pb.health.HealthCheckRequest(), timeout=TIMEOUT)
    assert next(watch).status == serving
    watch.cancel()


# ----------------------------------------------------------------------------- HTTP/2 mapping


@pytest.mark.tilts_only
@pytest.mark.parametrize("content_type", ["application/json", "text/plain", ""])
def test_wrong_content_type_is_http_415(pb, unix_server, content_type):
    endpoint, _ = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    try:
        headers = client.grpc_headers("/grpc.testing.TestService/EmptyCall", content_type=content_type)
        if not content_type:
            headers = [h for h in headers if h[0] != "content-type"]
        response = client.wait(client.start(headers, raw_h2.grpc_frame(b"")), timeout=10)
        assert response.status == 415, response
        ok = client.wait(client.start(client.grpc_headers("/grpc.testing.TestService/EmptyCall"), raw_h2.grpc_frame(b"")))
        assert ok.status == 200 and ok.grpc_status == 0, ok
    finally:
        client.close()


def test_grpc_content_type_with_suffix_is_accepted(pb, unix_server):
    endpoint, _ = unix_server
    client = raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))
    try:
        headers = client.grpc_headers("/grpc.testing.TestService/EmptyCall", content_type="application/grpc+proto")
        response = client.wait(client.start(headers, raw_h2.grpc_frame(b"")), timeout=10)
        assert response.status == 200 and response.grpc_status == 0, response
        assert raw_h2.parse_grpc_frames(response.data) == [b""]
        assert response.headers.get("content-type", "").startswith("application/grpc")
    finally:
        client.close()


def raw_client(endpoint):
    return raw_h2.H2Client(raw_h2.connect_unix(endpoint.socket_path))


@pytest.mark.parametrize("chunk", [1, 7, 16384])
def test_messages_split_and_joined_across_data_frames(pb, unix_server, chunk):
    """Client-streaming: five length-prefixed messages sent as one byte stream cut every `chunk` bytes,
    so messages straddle DATA frames and several share one."""
    endpoint, _ = unix_server
    sizes = [0, 3, 1000, 20_000, 5]
    stream = b"".join(raw_h2.grpc_frame(pb.messages.StreamingInputCallRequest(payload=zeros(pb, n)).SerializeToString())
                      for n in sizes)
    client = raw_client(endpoint)
    try:
        sid = client.start(client.grpc_headers("/grpc.testing.TestService/StreamingInputCall"), end_stream=False)
        for i in range(0, len(stream), chunk):
            client.send_data(sid, stream[i:i + chunk], end_stream=False)
        client.send_data(sid, b"", end_stream=True)
        response = client.wait(sid, timeout=20)
        assert response.grpc_status == 0, response
        frames = raw_h2.parse_grpc_frames(response.data)
        assert len(frames) == 1
        assert pb.messages.StreamingInputCallResponse.FromString(frames[0]).aggregated_payload_size == sum(sizes)
    finally:
        client.close()


def test_ping_is_acknowledged(unix_server):
    endpoint, _ = unix_server
    client = raw_client(endpoint)
    try:
        client.conn.ping(b"tilts-42")
        client.flush()
        acks = []
        for _ in range(20):
            client.pump(0.5)
            acks = [e for e in client.events if e.__class__.__name__ == "PingAckReceived"]
            if acks or client.closed:
                break
        assert acks and acks[0].ping_data == b"tilts-42"
    finally:
        client.close()


# ------------------------------------------------------------------------- sockets, lifecycle


@pytest.mark.tilts_only
def test_unix_socket_mode_and_stale_socket(pb, gen_dir, launch, tmp_dir):
    endpoint = support.make_endpoint("unix", tmp_dir, None)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(endpoint.socket_path))  # bound, never listened, closed: a stale socket file
    stale.close()
    launch.start("interop-server", support.interop_server_argv(endpoint.server_args(), gen_dir), endpoint)
    assert stat.S_IMODE(os.stat(endpoint.socket_path).st_mode) == 0o660
    with endpoint.channel() as channel:
        assert_healthy(pb, channel)


def test_sigterm_drains_in_flight_calls(pb, gen_dir, launch, tmp_dir):
    endpoint = support.make_endpoint("unix", tmp_dir, None)
    proc = launch.start("interop-server", support.interop_server_argv(endpoint.server_args(), gen_dir), endpoint)
    with endpoint.channel() as channel:
        stub = pb.test_grpc.TestServiceStub(channel)
        request = pb.messages.StreamingOutputCallRequest(
            response_parameters=[pb.messages.ResponseParameters(size=100, interval_us=200_000)] * 6)
        call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
        assert len(next(call).payload.body) == 100
        proc.proc.send_signal(signal.SIGTERM)
        rest = list(call)
        assert [len(r.payload.body) for r in rest] == [100] * 5
        assert call.code() == grpc.StatusCode.OK
    assert proc.proc.wait(timeout=support.STOP_TIMEOUT) == 0, proc.log_tail()


# ---------------------------------------------------------------------------------------- TLS


def tls_server(pb, gen_dir, launch, tmp_dir, certs, client_auth):
    endpoint = support.make_endpoint("tls", tmp_dir, certs)
    launch.start("interop-server", support.interop_server_argv(endpoint.server_args(client_auth), gen_dir), endpoint)
    return endpoint


def empty_call(pb, channel, timeout=10.0):
    return pb.test_grpc.TestServiceStub(channel).EmptyCall(pb.empty.Empty(), timeout=timeout)


def test_mtls_required(pb, gen_dir, launch, tmp_dir, certs):
    endpoint = tls_server(pb, gen_dir, launch, tmp_dir, certs, "required")
    with endpoint.channel(client_cert="client") as channel:
        assert empty_call(pb, channel).ByteSize() == 0
    with endpoint.channel(client_cert=None) as channel:
        expect_code(lambda: empty_call(pb, channel), grpc.StatusCode.UNAVAILABLE, "mTLS required, no client cert")
    with endpoint.channel(client_cert="untrusted_client") as channel:
        expect_code(lambda: empty_call(pb, channel), grpc.StatusCode.UNAVAILABLE, "mTLS required, untrusted cert")
    with endpoint.channel(client_cert="client") as channel:
        assert empty_call(pb, channel).ByteSize() == 0


def test_mtls_optional(pb, gen_dir, launch, tmp_dir, certs):
    endpoint = tls_server(pb, gen_dir, launch, tmp_dir, certs, "optional")
    for client_cert in (None, "client"):
        with endpoint.channel(client_cert=client_cert) as channel:
            assert empty_call(pb, channel).ByteSize() == 0


def test_tls_client_rejects_untrusted_server(pb, gen_dir, launch, tmp_dir, certs):
    endpoint = tls_server(pb, gen_dir, launch, tmp_dir, certs, None)
    with endpoint.channel(root="untrusted_ca") as channel:
        expect_code(lambda: empty_call(pb, channel, timeout=5), grpc.StatusCode.UNAVAILABLE, "untrusted server cert")


def test_tls_alpn_h2_and_version(pb, gen_dir, launch, tmp_dir, certs):
    endpoint = tls_server(pb, gen_dir, launch, tmp_dir, certs, None)
    context = ssl.create_default_context(cafile=str(certs.ca))
    context.set_alpn_protocols(["h2"])
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            assert tls.selected_alpn_protocol() == "h2"
            assert tls.version() in ("TLSv1.2", "TLSv1.3")
    old = ssl.create_default_context(cafile=str(certs.ca))
    with warnings.catch_warnings():  # TLS 1.0/1.1 are deprecated: that is the point, this client offers only them
        warnings.simplefilter("ignore", DeprecationWarning)
        old.minimum_version = ssl.TLSVersion.TLSv1
        old.maximum_version = ssl.TLSVersion.TLSv1_1
    old.set_ciphers("ALL:@SECLEVEL=0")
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=10) as raw:
        with pytest.raises((ssl.SSLError, OSError)):
            with old.wrap_socket(raw, server_hostname="localhost"):
                pass
