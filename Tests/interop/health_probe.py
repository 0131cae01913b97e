"""A `grpc_health_probe`-like check with stock grpcio and stubs generated from Proto/.

    health_probe.py --socket PATH [--service NAME] [--wait SECONDS]

Prints the ServingStatus name (or the error) and exits 0 only for SERVING. With --wait it retries
until SERVING or until the time is up. Stubs are generated into Tests/interop/gen (git-ignored) when
missing or older than Proto/.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import protogen  # noqa: E402

GEN = Path(__file__).resolve().parent / "gen"


def stubs():
    newest = max((p.stat().st_mtime for p in protogen.proto_root().rglob("*.proto")), default=0)
    marker = GEN / "grpcpb" / "health" / "v1" / "health_pb2.py"
    if not marker.exists() or marker.stat().st_mtime < newest:
        protogen.generate(GEN)
    return protogen.import_stubs(GEN)


def check(pb, socket_path: str, service: str, timeout: float) -> str:
    with grpc.insecure_channel(f"unix:{socket_path}") as channel:
        stub = pb.health_grpc.HealthStub(channel)
        try:
            response = stub.Check(pb.health.HealthCheckRequest(service=service), timeout=timeout)
        except grpc.RpcError as err:
            return f"{err.code().name}: {err.details()}"
    return pb.health.HealthCheckResponse.ServingStatus.Name(response.status)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", required=True)
    parser.add_argument("--service", default="")
    parser.add_argument("--wait", type=float, default=0.0, help="retry for up to this many seconds")
    args = parser.parse_args(argv)
    pb = stubs()
    deadline = time.monotonic() + args.wait
    while True:
        status = check(pb, args.socket, args.service, timeout=2.0) if Path(args.socket).exists() else "no socket"
        if status == "SERVING" or time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    print(status)
    return 0 if status == "SERVING" else 1


if __name__ == "__main__":
    sys.exit(main())
