"""A reference `grpc.testing.TestService` server in Python grpcio, plus `grpc.health.v1.Health`.

It behaves like grpc's own reference interop servers (doc/interop-test-descriptions.md, "Server"):
EmptyCall, UnaryCall, StreamingOutputCall, StreamingInputCall, FullDuplexCall and HalfDuplexCall;
Echo Status (`response_status`), Echo Metadata (`x-grpc-test-echo-initial` back as initial metadata,
`x-grpc-test-echo-trailing-bin` back as trailing metadata), `interval_us`; UnimplementedCall and
UnimplementedService answer UNIMPLEMENTED. Compression features are not implemented.

It takes the same flags as `tilts-interop-server`, so the interop suite can judge either one:
    reference_server.py --socket PATH | --port N
                        [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE --tls-client-auth required|optional]]
It serves until SIGTERM or SIGINT, then stops gracefully (in-flight calls finish) and exits 0.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from concurrent import futures
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import protogen  # noqa: E402

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
_CODES = {c.value[0]: c for c in grpc.StatusCode}


def build_servicers(pb, faulty: bool = False):
    """The TestService and Health servicers. With `faulty`, TestService answers wrongly on purpose
    (payloads one byte short, sums one too high, an extra message on empty streams, no metadata echo,
    status messages altered, EmptyCall failing, UnimplementedCall implemented), so that a test can show
    an interop client notices. Deadlines and cancellation stay correct: a client judges those itself."""
    messages = pb.messages
    short = 1 if faulty else 0

    def echo_metadata(context):
        if faulty:
            return
        invocation = dict(context.invocation_metadata())
        if ECHO_INITIAL_KEY in invocation:
            context.send_initial_metadata(((ECHO_INITIAL_KEY, invocation[ECHO_INITIAL_KEY]),))
        if ECHO_TRAILING_KEY in invocation:
            context.set_trailing_metadata(((ECHO_TRAILING_KEY, invocation[ECHO_TRAILING_KEY]),))

    def maybe_echo_status(request, context):
        if request.HasField("response_status") and request.response_status.code != 0:
            code = _CODES.get(request.response_status.code, grpc.StatusCode.UNKNOWN)
            context.abort(code, request.response_status.message + (" (altered)" if faulty else ""))

    def check_type(request, context):
        if request.response_type != messages.COMPRESSABLE:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"unsupported response_type {request.response_type}")

    def payload(size):
        return messages.Payload(type=messages.COMPRESSABLE, body=b"\x00" * max(0, size - short))

    def sleep(context, seconds):
        """Sleeps like interval_us asks, but stops early when the call is cancelled or times out."""
        until = time.monotonic() + seconds
        while context.is_active() and time.monotonic() < until:
            time.sleep(min(0.02, max(0.0, until - time.monotonic())))

    def stream_responses(request, context):
        for params in request.response_parameters:
            if params.interval_us > 0:
                sleep(context, params.interval_us / 1e6)
            if not context.is_active():
                return
            yield messages.StreamingOutputCallResponse(payload=payload(params.size))

    class TestService(pb.test_grpc.TestServiceServicer):
        def EmptyCall(self, request, context):
            if faulty:
                context.abort(grpc.StatusCode.INTERNAL, "faulty server")
            echo_metadata(context)
            return pb.empty.Empty()

        def UnaryCall(self, request, context):
            echo_metadata(context)
            maybe_echo_status(request, context)
            check_type(request, context)
            return messages.SimpleResponse(payload=payload(request.response_size))

        def CacheableUnaryCall(self, request, context):
            context.set_trailing_metadata((("cache-control", "max-age=60, public"),))
            return messages.SimpleResponse(payload=messages.Payload(body=str(time.time_ns()).encode()))

        def StreamingOutputCall(self, request, context):
            echo_metadata(context)
            maybe_echo_status(request, context)
            check_type(request, context)
            yield from stream_responses(request, context)

        def StreamingInputCall(self, request_iterator, context):
            echo_metadata(context)
            total = sum(len(r.payload.body) for r in request_iterator)
            return messages.StreamingInputCallResponse(aggregated_payload_size=total + short)

        def FullDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            if faulty:
                yield messages.StreamingOutputCallResponse(payload=payload(1))
            for request in request_iterator:
                maybe_echo_status(request, context)
                check_type(request, context)
                yield from stream_responses(request, context)

        def HalfDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            requests = list(request_iterator)
            for request in requests:
                maybe_echo_status(request, context)
                yield from stream_responses(request, context)

        # UnimplementedCall is inherited: the generated base answers UNIMPLEMENTED.
        if faulty:
            def UnimplementedCall(self, request, context):
                return pb.empty.Empty()

    serving = pb.health.HealthCheckResponse.SERVING
    known = {"", "grpc.testing.TestService", "grpc.health.v1.Health"}

    class Health(pb.health_grpc.HealthServicer):
        def Check(self, request, context):
            if request.service not in known:
                context.abort(grpc.StatusCode.NOT_FOUND, f"unknown service {request.service!r}")
            return pb.health.HealthCheckResponse(status=serving)

        def Watch(self, request, context):
            status = serving if request.service in known else pb.health.HealthCheckResponse.SERVICE_UNKNOWN
            yield pb.health.HealthCheckResponse(status=status)
            done = threading.Event()
            context.add_callback(done.set)
            done.wait()

    return TestService(), Health()


def server_credentials(args):
    if not args.tls_cert:
        return None
    pair = [(Path(args.tls_key).read_bytes(), Path(args.tls_cert).read_bytes())]
    if args.tls_client_ca:
        ca = Path(args.tls_client_ca).read_bytes()
        return grpc.ssl_server_credentials(pair, root_certificates=ca,
                                           require_client_auth=args.tls_client_auth == "required")
    return grpc.ssl_server_credentials(pair)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket")
    where.add_argument("--port", type=int)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--tls-client-ca")
    parser.add_argument("--tls-client-auth", choices=["required", "optional"], default="required")
    parser.add_argument("--faulty", action="store_true", help="answer every case wrongly (tests the tests)")
    parser.add_argument("--gen-dir", help="where to generate stubs (default: a temporary folder)")
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")

    gen = Path(args.gen_dir) if args.gen_dir else Path(tempfile.mkdtemp(prefix="tilts-refgen-"))
    if not (gen / "grpcpb").is_dir():
        protogen.generate(gen)
    pb = protogen.import_stubs(gen)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32))
    test_service, health = build_servicers(pb, faulty=args.faulty)
    pb.test_grpc.add_TestServiceServicer_to_server(test_service, server)
    pb.health_grpc.add_HealthServicer_to_server(health, server)
    if args.faulty:
        empty = grpc.unary_unary_rpc_method_handler(lambda request, context: b"")
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(
            "grpc.testing.UnimplementedService", {"UnimplementedCall": empty}),))
    address = f"unix:{args.socket}" if args.socket else f"127.0.0.1:{args.port}"
    creds = server_credentials(args)
    bound = server.add_secure_port(address, creds) if creds else server.add_insecure_port(address)
    if not args.socket and bound != args.port:
        print(f"could not bind {address}", file=sys.stderr)
        return 1

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    server.start()
    if args.socket:
        os.chmod(args.socket, 0o660)
    print(f"reference server listening on {address}", flush=True)
    while not stop.wait(0.2):
        pass
    server.stop(grace=10).wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
