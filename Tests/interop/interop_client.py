"""A Python grpcio interop client with the same flags as `tilts-interop-client`, running one case of
interop_cases.py. It exists to validate test_our_client.py's logic before (or beside) the Swift client:

    interop_client.py --socket PATH | --host H --port N [--tls --ca FILE --server-host-override NAME]
                      --test-case NAME [--gen-dir DIR]

Exit 0 when the case passes; 1 with a message when it fails; 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import interop_cases  # noqa: E402
import protogen  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--ca")
    parser.add_argument("--server-host-override")
    parser.add_argument("--test-case", required=True)
    parser.add_argument("--gen-dir")
    args = parser.parse_args(argv)
    if bool(args.socket) == bool(args.port):
        parser.error("give exactly one of --socket and --port")
    if args.test_case not in interop_cases.CASES:
        parser.error(f"unknown test case {args.test_case!r}; known: {', '.join(interop_cases.CASES)}")

    gen = Path(args.gen_dir) if args.gen_dir else Path(tempfile.mkdtemp(prefix="tilts-clientgen-"))
    if not (gen / "grpcpb").is_dir():
        protogen.generate(gen)
    pb = protogen.import_stubs(gen)

    if args.socket:
        channel = grpc.insecure_channel(f"unix:{args.socket}")
    elif args.tls:
        creds = grpc.ssl_channel_credentials(root_certificates=Path(args.ca).read_bytes() if args.ca else None)
        options = [("grpc.ssl_target_name_override", args.server_host_override)] if args.server_host_override else []
        channel = grpc.secure_channel(f"{args.host}:{args.port}", creds, options=options)
    else:
        channel = grpc.insecure_channel(f"{args.host}:{args.port}")
    with channel:
        try:
            interop_cases.CASES[args.test_case](pb, channel)
        except (AssertionError, grpc.RpcError) as err:
            print(f"{args.test_case}: FAILED: {err!r}", file=sys.stderr)
            traceback.print_exc()
            return 1
    print(f"{args.test_case}: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
