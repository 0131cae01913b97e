"""grpc's standard interop test cases, client side, in Python grpcio.

Each function follows grpc's doc/interop-test-descriptions.md (procedure, sizes and client assertions)
and raises AssertionError when the server under test fails the case. The suite runs them against
tilts-interop-server; in python mode it runs them against reference_server.py to validate them.
"""

from __future__ import annotations

import queue

import grpc

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
TIMEOUT = 30.0  # generous per-call bound, so that a broken server fails a case instead of hanging it


class Pipe:
    """A request iterator fed one message at a time, for full-duplex calls."""

    _CLOSE = object()

    def __init__(self):
        self._q: queue.Queue = queue.Queue()

    def add(self, item) -> None:
        self._q.put(item)

    def close(self) -> None:
        self._q.put(self._CLOSE)

    def __iter__(self):
        return self

    def __next__(self):
        item = self._q.get()
        if item is self._CLOSE:
            raise StopIteration
        return item

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def zeros(pb, size: int):
    return pb.messages.Payload(type=pb.messages.COMPRESSABLE, body=b"\x00" * size)


def expect_code(call, code: grpc.StatusCode, what: str) -> grpc.RpcError:
    try:
        call()
    except grpc.RpcError as err:
        assert err.code() == code, f"{what}: expected {code}, got {err.code()} ({err.details()!r})"
        return err
    raise AssertionError(f"{what}: expected {code}, but the call succeeded")


def empty_unary(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    response = stub.EmptyCall(pb.empty.Empty(), timeout=TIMEOUT)
    assert response is not None and isinstance(response, pb.empty.Empty)
    assert response.ByteSize() == 0


def large_unary(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    request = pb.messages.SimpleRequest(response_type=pb.messages.COMPRESSABLE, response_size=314159,
                                        payload=zeros(pb, 271828))
    response = stub.UnaryCall(request, timeout=TIMEOUT)
    assert len(response.payload.body) == 314159
    assert response.payload.body == b"\x00" * 314159


def client_streaming(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    sizes = (27182, 8, 1828, 45904)
    requests = (pb.messages.StreamingInputCallRequest(payload=zeros(pb, n)) for n in sizes)
    response = stub.StreamingInputCall(requests, timeout=TIMEOUT)
    assert response.aggregated_payload_size == 74922


def server_streaming(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    sizes = (31415, 9, 2653, 58979)
    request = pb.messages.StreamingOutputCallRequest(
        response_type=pb.messages.COMPRESSABLE,
        response_parameters=[pb.messages.ResponseParameters(size=n) for n in sizes])
    call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
    bodies = [r.payload.body for r in call]
    assert [len(b) for b in bodies] == list(sizes)
    assert all(b == b"\x00" * len(b) for b in bodies)
    assert call.code() == grpc.StatusCode.OK


def ping_pong(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    request_sizes = (27182, 8, 1828, 45904)
    response_sizes = (31415, 9, 2653, 58979)
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        got = []
        for req_size, resp_size in zip(request_sizes, response_sizes):
            pipe.add(pb.messages.StreamingOutputCallRequest(
                response_type=pb.messages.COMPRESSABLE,
                response_parameters=[pb.messages.ResponseParameters(size=resp_size)],
                payload=zeros(pb, req_size)))
            response = next(responses)
            assert len(response.payload.body) == resp_size, f"after a {req_size}-byte request"
            got.append(response)
        pipe.close()
        assert next(responses, None) is None, "more than four responses"
    assert len(got) == 4
    assert responses.code() == grpc.StatusCode.OK


def empty_stream(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    responses = stub.FullDuplexCall(iter(()), timeout=TIMEOUT)
    assert list(responses) == []
    assert responses.code() == grpc.StatusCode.OK


def timeout_on_sleeping_server(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=0.001)
        pipe.add(pb.messages.StreamingOutputCallRequest(response_type=pb.messages.COMPRESSABLE,
                                                         payload=zeros(pb, 27182)))
        expect_code(lambda: next(responses), grpc.StatusCode.DEADLINE_EXCEEDED, "FullDuplexCall with a 1 ms deadline")


def cancel_after_begin(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    with Pipe() as pipe:
        future = stub.StreamingInputCall.future(pipe, timeout=TIMEOUT)
        future.cancel()
        assert future.cancelled(), "cancel() did not cancel the call"
        assert future.code() == grpc.StatusCode.CANCELLED


def cancel_after_first_response(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    with Pipe() as pipe:
        responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        pipe.add(pb.messages.StreamingOutputCallRequest(
            response_type=pb.messages.COMPRESSABLE,
            response_parameters=[pb.messages.ResponseParameters(size=31415)],
            payload=zeros(pb, 27182)))
        response = next(responses)
        assert len(response.payload.body) == 31415
        responses.cancel()
        expect_code(lambda: next(responses), grpc.StatusCode.CANCELLED, "FullDuplexCall after cancel()")
        assert responses.code() == grpc.StatusCode.CANCELLED


def _assert_echoed(call, initial_value: str, trailing_value: bytes, what: str) -> None:
    initial = dict(call.initial_metadata())
    trailing = dict(call.trailing_metadata())
    assert initial.get(ECHO_INITIAL_KEY) == initial_value, f"{what}: initial metadata {initial!r}"
    assert trailing.get(ECHO_TRAILING_KEY) == trailing_value, f"{what}: trailing metadata {trailing!r}"


def custom_metadata(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    initial_value = "test_initial_metadata_value"
    trailing_value = b"\xab\xab\xab"
    metadata = ((ECHO_INITIAL_KEY, initial_value), (ECHO_TRAILING_KEY, trailing_value))

    request = pb.messages.SimpleRequest(response_type=pb.messages.COMPRESSABLE, response_size=314159,
                                        payload=zeros(pb, 271828))
    response, call = stub.UnaryCall.with_call(request, metadata=metadata, timeout=TIMEOUT)
    assert len(response.payload.body) == 314159
    _assert_echoed(call, initial_value, trailing_value, "UnaryCall")

    request = pb.messages.StreamingOutputCallRequest(
        response_type=pb.messages.COMPRESSABLE,
        response_parameters=[pb.messages.ResponseParameters(size=314159)],
        payload=zeros(pb, 271828))
    responses = stub.FullDuplexCall(iter([request]), metadata=metadata, timeout=TIMEOUT)
    got = list(responses)
    assert [len(r.payload.body) for r in got] == [314159]
    assert responses.code() == grpc.StatusCode.OK
    _assert_echoed(responses, initial_value, trailing_value, "FullDuplexCall")


def _status_round_trip(pb, channel, code: int, message: str, full_duplex: bool = True):
    stub = pb.test_grpc.TestServiceStub(channel)
    status = pb.messages.EchoStatus(code=code, message=message)
    expected = next(c for c in grpc.StatusCode if c.value[0] == code)

    err = expect_code(lambda: stub.UnaryCall(pb.messages.SimpleRequest(response_status=status), timeout=TIMEOUT),
                      expected, "UnaryCall")
    assert err.details() == message, f"UnaryCall: status message {err.details()!r} != {message!r}"

    if full_duplex:
        responses = stub.FullDuplexCall(iter([pb.messages.StreamingOutputCallRequest(response_status=status)]),
                                        timeout=TIMEOUT)
        err = expect_code(lambda: list(responses), expected, "FullDuplexCall")
        assert err.details() == message, f"FullDuplexCall: status message {err.details()!r} != {message!r}"


def status_code_and_message(pb, channel):
    _status_round_trip(pb, channel, 2, "test status message")


def special_status_message(pb, channel):
    _status_round_trip(pb, channel, 2, SPECIAL_STATUS_MESSAGE, full_duplex=False)


def unimplemented_method(pb, channel):
    stub = pb.test_grpc.TestServiceStub(channel)
    expect_code(lambda: stub.UnimplementedCall(pb.empty.Empty(), timeout=TIMEOUT),
                grpc.StatusCode.UNIMPLEMENTED, "TestService/UnimplementedCall")


def unimplemented_service(pb, channel):
    stub = pb.test_grpc.UnimplementedServiceStub(channel)
    expect_code(lambda: stub.UnimplementedCall(pb.empty.Empty(), timeout=TIMEOUT),
                grpc.StatusCode.UNIMPLEMENTED, "UnimplementedService/UnimplementedCall")


CASES = {f.__name__: f for f in (
    empty_unary, large_unary, client_streaming, server_streaming, ping_pong, empty_stream,
    timeout_on_sleeping_server, cancel_after_begin, cancel_after_first_response, custom_metadata,
    status_code_and_message, special_status_message, unimplemented_method, unimplemented_service,
)}
