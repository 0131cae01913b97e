"""`grpc_health_probe`-style checks: each of the five product executables, started on its own Unix socket
with its own data folder, answers SERVING to a stock grpcio Health/Check and exits 0 on SIGTERM.

Parametrized over the executable name. Needs the Swift binaries (skipped with TILTS_INTEROP_SERVER=python).
Nothing here is timed.
"""

import os
import stat

import grpc
import pytest

import raw_h2
import support

pytestmark = pytest.mark.needs_binaries


@pytest.mark.parametrize("name", support.PRODUCT_EXECUTABLES)
def test_serving_then_clean_exit(name, pb, launch, tmp_dir):
    endpoint = support.make_endpoint("unix", tmp_dir, None, name=name)
    data_dir = tmp_dir / f"{name}-data"
    data_dir.mkdir()
    argv = [str(support.binary(name)), "--socket", str(endpoint.socket_path), "--data-dir", str(data_dir),
            "--log-level", "debug"]
    if name == "tilts-gateway":
        # Alone, the gateway routes nothing: its health aggregates the routed services, so with all
        # four links switched off it is SERVING (with them on and down it rightly is not).
        config = tmp_dir / "gateway.conf"
        config.write_text("".join(f"{peer}_socket = none\n" for peer in ("referral", "meeting", "assessment", "reporting")))
        argv += ["--config", str(config)]
    elif name == "reporting-service":
        config = tmp_dir / "reporting.conf"
        config.write_text("pseudonym_secret = health-test-secret\n")
        argv += ["--config", str(config)]
    proc = launch.start(name, argv, endpoint)

    with grpc.insecure_channel(endpoint.target) as channel:
        stub = pb.health_grpc.HealthStub(channel)
        response = stub.Check(pb.health.HealthCheckRequest(service=""), timeout=10)
        assert response.status == pb.health.HealthCheckResponse.SERVING
        watch = stub.Watch(pb.health.HealthCheckRequest(service=""), timeout=10)
        assert next(watch).status == pb.health.HealthCheckResponse.SERVING
        watch.cancel()
    # The same answer without generated stubs, as a probe that knows only the wire format would get it.
    assert raw_h2.health_check_unix(endpoint.socket_path, timeout=10) == pb.health.HealthCheckResponse.SERVING
    assert stat.S_IMODE(os.stat(endpoint.socket_path).st_mode) == 0o660

    assert proc.stop() == 0, f"{name} did not exit 0 on SIGTERM:\n{proc.log_tail()}"
