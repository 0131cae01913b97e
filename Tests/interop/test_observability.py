"""Observability of a real service process: the loopback admin port (Prometheus /metrics, /healthz),
call metrics per method and status, the store-size gauge, and structured (JSON) log lines that carry
request ids and never personal data.

Starts `referral-service --admin-port P --log-level debug --log-format json` and calls it with grpcio,
sending the principal as the gateway would (metadata `tilts-principal-bin`). Then puts `tilts-gateway
--admin-port P` in front of a referral-service (both logging JSON at debug level) and follows one
`x-request-id` through both processes' logs, the audit log and the response, and reads the gateway's
call metrics per method and status.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import time
import uuid

import grpc
import pytest

import support
from test_referral import details, new_form_code, principal

pytestmark = pytest.mark.needs_binaries

METHOD = "tilts.referral.v1.ReferralService/SubmitReferral"
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def http_get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, str]:
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def parse_metrics(text: str) -> list[tuple[str, dict, float]]:
    """(name, labels, value) for every sample line of the Prometheus text format."""
    samples = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        assert match, f"not a Prometheus sample line: {line!r}"
        name, labels, value = match.groups()
        samples.append((name, dict(LABEL.findall(labels or "")), float(value)))
    return samples


def value(samples, name: str, **labels) -> float | None:
    for sample_name, sample_labels, sample_value in samples:
        if sample_name == name and all(sample_labels.get(k) == v for k, v in labels.items()):
            return sample_value
    return None


def non_loopback_addresses() -> list[str]:
    """This host's IPv4 addresses outside 127/8 (via a UDP 'connect', which sends nothing)."""
    found = set()
    for probe in ("10.255.255.255", "192.0.2.1"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))
                address = s.getsockname()[0]
            except OSError:
                continue
            if not address.startswith("127.") and address != "0.0.0.0":
                found.add(address)
    return sorted(found)


def refused(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return False
    except OSError:
        return True


@pytest.fixture
def observed(pb, launch, tmp_dir):
    port = support.free_tcp_port()
    endpoint = support.make_endpoint("unix", tmp_dir, None, name="r")
    argv = [str(support.binary("referral-service")), "--socket", str(endpoint.socket_path),
            "--data-dir", str(tmp_dir / "data"), "--admin-port", str(port), "--log-level", "debug",
            "--log-format", "json"]
    proc = launch.start("referral-service", argv, endpoint)
    channel = endpoint.channel()
    yield port, proc, pb.referral_grpc.ReferralServiceStub(channel)
    channel.close()


def test_metrics_health_binding_and_structured_logs(pb, observed):
    port, proc, stub = observed
    c = pb.common
    sd = principal(pb, c.SOCIAL_SERVICE, "riga")
    request_id = f"obs-{uuid.uuid4()}"
    codes = [new_form_code(n) for n in (501, 502, 503)]
    for n in (501, 502, 503):
        metadata = sd + ((("x-request-id", request_id),) if n == 501 else ())
        stub.SubmitReferral(pb.referral.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details(pb, n)),
                            metadata=metadata, timeout=10)
    bad_code = "161175-19990"
    bad = details(pb, 504, child=pb.referral.Child(given_name="", family_name="X", birth_date="2016-02-30",
                                                   personal_code=bad_code, languages=[]))
    with pytest.raises(grpc.RpcError) as info:
        stub.SubmitReferral(pb.referral.SubmitReferralRequest(request_id="bad", details=bad), metadata=sd, timeout=10)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    # /healthz and /metrics on the loopback admin port.
    assert http_get(port, "/healthz") == (200, "SERVING\n")
    assert http_get(port, "/nope")[0] == 404
    status, text = http_get(port, "/metrics")
    assert status == 200
    samples = parse_metrics(text)
    assert value(samples, "tilts_rpc_server_calls_total", method=METHOD, code="OK") == 3
    assert value(samples, "tilts_rpc_server_calls_total", method=METHOD, code="INVALID_ARGUMENT") == 1
    for code, count in (("OK", 3), ("INVALID_ARGUMENT", 1)):
        assert value(samples, "tilts_rpc_server_duration_seconds_count", method=METHOD, code=code) == count
        assert value(samples, "tilts_rpc_server_duration_seconds_bucket", method=METHOD, code=code, le="+Inf") == count
        assert value(samples, "tilts_rpc_server_duration_seconds_sum", method=METHOD, code=code) > 0
    buckets = [(float(labels["le"]), v) for name, labels, v in samples
               if name == "tilts_rpc_server_duration_seconds_bucket" and labels.get("method") == METHOD
               and labels.get("code") == "OK" and labels["le"] != "+Inf"]
    assert len(buckets) >= 10 and buckets == sorted(buckets), "cumulative buckets in increasing order"
    assert all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:]))
    # The health checks the launcher made are counted too, under their own method.
    assert value(samples, "tilts_rpc_server_calls_total", method="grpc.health.v1.Health/Check", code="OK") >= 1
    size = value(samples, "tilts_store_size_bytes")
    assert size is not None and size > 0, "store size gauge missing or zero"

    # Bound to 127.0.0.1 only: another loopback address and the host's own addresses are refused.
    assert refused("127.0.0.2", port), "admin port answered on 127.0.0.2: it must bind 127.0.0.1 only"
    for address in non_loopback_addresses():
        assert refused(address, port), f"admin port reachable on {address}"
    with open("/proc/net/tcp") as table:
        listening = [line.split() for line in table.readlines()[1:]]
    local = [row[1] for row in listening if row[3] == "0A" and int(row[1].split(":")[1], 16) == port]
    assert local == ["0100007F:%04X" % port], f"listening sockets on the admin port: {local}"

    # Structured logs: every line one JSON object with the fixed keys; no personal data.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and request_id not in proc.log_path.read_text("utf-8"):
        time.sleep(0.05)
    lines = [line for line in proc.log_path.read_text("utf-8").splitlines() if line.strip()]
    assert lines, "the service logged nothing"
    events = []
    for line in lines:
        event = json.loads(line)
        assert {"ts", "level", "label", "msg"} <= event.keys(), line
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", event["ts"]), line
        events.append(event)
    text = "\n".join(lines)
    for secret in [bad_code, "161175", *codes, "Vārds", "Uzvārds", "Kontaktpersona", "Pārstāvis"]:
        assert secret not in text, f"the log contains personal data: {secret!r}"
    ended = [e for e in events if e["msg"] == "call ended" and e.get("method") == METHOD]
    assert len(ended) == 4
    assert [e["request_id"] for e in ended if e["request_id"] == request_id] == [request_id]
    assert all(e["level"] == "debug" and e["request_id"] and "duration_ms" in e for e in ended)
    assert sorted(e["code"] for e in ended) == ["INVALID_ARGUMENT", "OK", "OK", "OK"]


# ------------------------------------------------------------------------------ through the gateway


def json_lines(proc) -> list[dict]:
    return [json.loads(line) for line in proc.log_path.read_text("utf-8").splitlines() if line.strip()]


def call_lines(proc, request_id: str) -> list[dict]:
    """The `call ended` lines of `proc` that carry `request_id`, waiting (bounded) for them."""
    deadline = time.monotonic() + 5
    while True:
        found = [e for e in json_lines(proc) if e["msg"] == "call ended" and e.get("request_id") == request_id]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_gateway_carries_request_ids_and_serves_metrics(pb, certs, launch, tmp_dir):
    """gateway + referral-service, both `--log-format json --log-level debug`: the caller's x-request-id
    is in both processes' `call ended` lines, in the audit entry and in the response; a call without one
    gets one; the gateway's admin port counts the proxied calls per method and status."""
    from test_gateway import gateway_pb

    debug_json = ["--log-level", "debug", "--log-format", "json"]
    (tmp_dir / "referral.conf").write_text("capacity = 4\nallocation = requested\n")
    referral = support.make_endpoint("unix", tmp_dir, None, name="r")
    referral_proc = launch.start("referral-service", [
        str(support.binary("referral-service")), "--socket", str(referral.socket_path), "--data-dir",
        str(tmp_dir / "referral-data"), "--config", str(tmp_dir / "referral.conf"), *debug_json], referral)

    tls_port, admin_port = support.free_tcp_port(), support.free_tcp_port()
    conf = {"tls_port": tls_port, "tls_host": "127.0.0.1", "tls_cert": certs.server_cert, "tls_key": certs.server_key,
            "referral_socket": referral.socket_path, "meeting_socket": "none", "assessment_socket": "none",
            "reporting_socket": "none", "health_interval_ms": 200}
    (tmp_dir / "gateway.conf").write_text("".join(f"{k} = {v}\n" for k, v in conf.items()))
    gateway = support.Endpoint("unix", socket_path=tmp_dir / "gw.sock")
    base = ["--config", str(tmp_dir / "gateway.conf"), "--socket", str(gateway.socket_path),
            "--data-dir", str(tmp_dir / "gateway-data")]
    gateway_proc = launch.start("tilts-gateway", [str(support.binary("tilts-gateway")), *base,
                                                  "--admin-port", str(admin_port), *debug_json], gateway)

    tokens = []

    def mint(municipality: str) -> str:
        out = subprocess.run([str(support.binary("tilts-gateway")), "token", "issue", *base, "--institution",
                              "SOCIAL_SERVICE", "--municipality", municipality, "--json"],
                             capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        tokens.append(json.loads(out.stdout)["token"])
        return tokens[-1]

    def stub(token: str | None):
        creds = grpc.ssl_channel_credentials(root_certificates=certs.read("ca"))
        if token:
            creds = grpc.composite_channel_credentials(creds, grpc.access_token_call_credentials(token))
        channel = grpc.secure_channel(f"127.0.0.1:{tls_port}", creds,
                                      options=[("grpc.ssl_target_name_override", "localhost")])
        return pb.referral_grpc.ReferralServiceStub(channel)

    riga, cesis = stub(mint("riga")), stub(mint("cesis"))
    r = pb.referral

    # The caller's id: in the response headers, both logs and the audit entry.
    request_id = f"obs-gw-{uuid.uuid4()}"
    submitted, call = riga.SubmitReferral.with_call(
        r.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details(pb, 601)),
        metadata=(("x-request-id", request_id),), timeout=10)
    assert ("x-request-id", request_id) in tuple(call.initial_metadata())
    for proc in (gateway_proc, referral_proc):
        lines = call_lines(proc, request_id)
        assert [(e["method"], e["code"], e["level"]) for e in lines] == [(METHOD, "OK", "debug")], (proc.name, lines)
        assert lines[0]["duration_ms"] >= 0
    gw, gw_grpc = gateway_pb()
    audit = gw_grpc.AuditServiceStub(grpc.insecure_channel(f"unix:{gateway.socket_path}"))  # the local operator
    entries = audit.QueryAudit(gw.QueryAuditRequest(record_ids=[submitted.referral_id]), timeout=10).entries
    assert [(e.method, e.request_id) for e in entries] == [(f"/{METHOD}", request_id)]

    # No id (or an unusable one): the gateway makes one, returns it, and the service logs the same.
    _, call = riga.SubmitReferral.with_call(
        r.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details(pb, 602)),
        metadata=(("x-request-id", "not usable"),), timeout=10)
    made = dict(call.initial_metadata()).get("x-request-id")
    assert made and made != "not usable"
    assert [e["code"] for e in call_lines(referral_proc, made)] == ["OK"]
    assert [e["code"] for e in call_lines(gateway_proc, made)] == ["OK"]

    # Refusals carry the id too: by the service (another municipality's referral) and by the gateway.
    refused_id = f"obs-gw-refused-{uuid.uuid4()}"
    with pytest.raises(grpc.RpcError) as info:
        cesis.GetReferral(r.GetReferralRequest(referral_id=submitted.referral_id),
                          metadata=(("x-request-id", refused_id),), timeout=10)
    refused_code = info.value.code()
    assert refused_code in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    returned = dict(info.value.initial_metadata()) | dict(info.value.trailing_metadata())
    assert returned.get("x-request-id") == refused_id
    get_method = "tilts.referral.v1.ReferralService/GetReferral"
    assert [e["method"] for e in call_lines(referral_proc, refused_id)] == [get_method]
    assert [e["code"] for e in call_lines(gateway_proc, refused_id)] == [refused_code.name]
    with pytest.raises(grpc.RpcError) as info:
        stub(None).ListReferrals(r.ListReferralsRequest(), metadata=(("x-request-id", "obs-anonymous"),), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert dict(info.value.trailing_metadata()).get("x-request-id") == "obs-anonymous"
    assert [e["code"] for e in call_lines(gateway_proc, "obs-anonymous")] == ["UNAUTHENTICATED"]
    assert not call_lines(referral_proc, "obs-anonymous"), "a refused call never reached the service"

    # The gateway's metrics: the proxied calls per method and status, its own, and its store size.
    status, text = http_get(admin_port, "/metrics")
    assert status == 200
    samples = parse_metrics(text)
    assert value(samples, "tilts_rpc_server_calls_total", method=METHOD, code="OK") == 2
    assert value(samples, "tilts_rpc_server_calls_total", method=get_method, code=refused_code.name) == 1
    assert value(samples, "tilts_rpc_server_calls_total", method="tilts.referral.v1.ReferralService/ListReferrals",
                 code="UNAUTHENTICATED") == 1
    assert value(samples, "tilts_rpc_server_calls_total", method="tilts.gateway.v1.AuditService/QueryAudit",
                 code="OK") == 1
    assert value(samples, "tilts_rpc_server_duration_seconds_count", method=METHOD, code="OK") == 2
    assert value(samples, "tilts_rpc_server_calls_total", method="grpc.health.v1.Health/Check", code="OK") >= 1
    size = value(samples, "tilts_store_size_bytes")
    assert size is not None and size > 0, "the gateway's store size gauge is missing or zero"
    assert http_get(admin_port, "/healthz") == (200, "SERVING\n")
    # Every gateway log line is one JSON object, and none carries the token.
    assert all({"ts", "level", "label", "msg"} <= e.keys() for e in json_lines(gateway_proc))
    logged = gateway_proc.log_path.read_text("utf-8")
    assert tokens and not any(token in logged for token in tokens)
