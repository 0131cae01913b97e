"""tilts-gateway in front of the real referral-service, judged by stock grpcio clients over TLS.

Covers issue 7's acceptance: a bearer-token client and an mTLS client both work through TLS; no
credentials, unknown, revoked and expired tokens are UNAUTHENTICATED; an SD calling a centre-only
method is PERMISSION_DENIED; municipality A cannot read B's case; a forged `tilts-principal-bin` is
stripped; the per-case audit query lists every access of a scripted scenario; editing the audit store
directly makes VerifyAuditChain name the first broken entry; the rate limit answers RESOURCE_EXHAUSTED;
health is aggregated over the routed services; SIGHUP reloads the TLS certificate.

Tokens are minted with the bootstrap subcommand `tilts-gateway token issue`, as deploy/local/up does.
"""

from __future__ import annotations

import importlib
import json
import shutil
import signal
import sqlite3
import ssl
import subprocess
import time
import uuid
from pathlib import Path

import grpc
import pytest

import support
from test_referral import details

pytestmark = pytest.mark.needs_binaries

REFERRAL = "tilts.referral.v1.ReferralService"


def gateway_pb():
    """The generated gateway modules (protogen's namespace does not list them)."""
    return (importlib.import_module("tilts.gateway.v1.gateway_pb2"),
            importlib.import_module("tilts.gateway.v1.gateway_pb2_grpc"))


class Token:
    def __init__(self, token: str, token_id: str):
        self.token = token
        self.id = token_id

    @property
    def subject(self) -> str:
        return f"token:{self.id}"

    @property
    def metadata(self):
        return (("authorization", f"Bearer {self.token}"),)


class Gateway:
    """A running tilts-gateway: TLS (optional mTLS) on a loopback port, its admin Unix socket, and
    optionally h2c on loopback. `referral_socket` routes to a referral-service (None: unrouted)."""

    def __init__(self, launcher, pb, directory: Path, certs, referral_socket=None, extra: dict | None = None,
                 name: str = "gateway", h2c: bool = False, sockets: dict | None = None):
        self.pb = pb
        self.certs = certs
        self.dir = Path(directory) / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = support.free_tcp_port()
        self.h2c_port = support.free_tcp_port() if h2c else None
        self.socket = self.dir / "gw.sock"
        self.data = self.dir / "data"
        # Copies, so a test can replace the certificate and send SIGHUP.
        self.cert = self.dir / "server.pem"
        self.key = self.dir / "server.key"
        shutil.copy(certs.server_cert, self.cert)
        shutil.copy(certs.server_key, self.key)
        (self.dir / "principals.json").write_text(json.dumps({
            "CN=tilts-test-client": {"institution": "SOCIAL_SERVICE", "municipality": "riga",
                                     "displayName": "Rīgas sociālais dienests (sistēma)"}}))
        conf = {
            "tls_port": self.port, "tls_host": "127.0.0.1", "tls_cert": self.cert, "tls_key": self.key,
            "tls_client_ca": certs.ca, "client_principals": self.dir / "principals.json",
            "referral_socket": referral_socket or "none", "meeting_socket": "none", "assessment_socket": "none",
            "reporting_socket": "none", **(sockets or {}), "health_interval_ms": 200, "rate_limit_per_second": 1000,
            "rate_limit_burst": 1000, "log_level": "debug",
        }
        if self.h2c_port:
            conf["h2c_port"] = self.h2c_port
        conf.update(extra or {})
        self.conf = self.dir / "gateway.conf"
        self.conf.write_text("".join(f"{k} = {v}\n" for k, v in conf.items()))
        self.base = ["--config", str(self.conf), "--socket", str(self.socket), "--data-dir", str(self.data)]
        self.endpoint = support.Endpoint("unix", socket_path=self.socket)
        self.proc = launcher.start(name, [str(support.binary("tilts-gateway")), *self.base], self.endpoint)
        self.gw, self.gw_grpc = gateway_pb()

    # ---------------------------------------------------------------- tokens (bootstrap subcommand)

    def mint(self, institution: str, municipality: str = "", name: str = "", roles=(), ttl: str | None = None) -> Token:
        argv = [str(support.binary("tilts-gateway")), "token", "issue", *self.base, "--institution", institution,
                "--json"]
        if municipality:
            argv += ["--municipality", municipality]
        if name:
            argv += ["--name", name]
        for role in roles:
            argv += ["--role", role]
        if ttl:
            argv += ["--ttl", ttl]
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        reply = json.loads(out.stdout)
        return Token(reply["token"], reply["info"]["tokenId"])

    # ------------------------------------------------------------------------------------ channels

    def channel(self, token: Token | None = None, client_cert: bool = False, root: str = "ca") -> grpc.Channel:
        """A stock grpcio TLS channel; a token travels as call credentials (authorization: Bearer)."""
        key = chain = None
        if client_cert:
            key, chain = self.certs.read("client_key"), self.certs.read("client_cert")
        creds = grpc.ssl_channel_credentials(root_certificates=self.certs.read(root), private_key=key,
                                             certificate_chain=chain)
        if token is not None:
            creds = grpc.composite_channel_credentials(creds, grpc.access_token_call_credentials(token.token))
        return grpc.secure_channel(f"127.0.0.1:{self.port}", creds,
                                   options=[("grpc.ssl_target_name_override", "localhost")])

    def admin_channel(self) -> grpc.Channel:
        return grpc.insecure_channel(f"unix:{self.socket}")

    def referral(self, channel: grpc.Channel):
        return self.pb.referral_grpc.ReferralServiceStub(channel)

    def audit(self, channel: grpc.Channel):
        return self.gw_grpc.AuditServiceStub(channel)

    def admin(self):
        return self.gw_grpc.AdminServiceStub(self.admin_channel())

    def health(self, service: str = "", channel: grpc.Channel | None = None) -> int:
        channel = channel or self.admin_channel()
        return support.health_status(self.pb, channel, service)


def start_referral(launcher, directory: Path, capacity: int = 12, links: str = "") -> tuple[support.Endpoint, list[str]]:
    folder = Path(directory) / "referral"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "referral.conf").write_text(f"capacity = {capacity}\nallocation = requested\n{links}")
    endpoint = support.make_endpoint("unix", folder, None, name="r")
    argv = [str(support.binary("referral-service")), "--socket", str(endpoint.socket_path),
            "--data-dir", str(folder / "data"), "--config", str(folder / "referral.conf")]
    launcher.start("referral-service", argv, endpoint)
    return endpoint, argv


class Stack:
    """referral-service (with `full`, also meeting-service and assessment-service following it) behind
    tilts-gateway, with tokens for the usual institutions."""

    def __init__(self, pb, launcher, directory: Path, certs, h2c: bool = False, gateway_extra: dict | None = None,
                 full: bool = False):
        self.pb = pb
        directory = Path(directory)
        sockets = {}
        if full:
            sockets = {"meeting_socket": directory / "m.sock", "assessment_socket": directory / "a.sock"}
        links = "".join(f"{k} = {v}\n" for k, v in sockets.items())
        if full:
            sockets["reporting_socket"] = directory / "rp.sock"
        self.referral_endpoint, self.referral_argv = start_referral(launcher, directory, links=links)
        if full:
            ref = self.referral_endpoint.socket_path
            (directory / "meeting.conf").write_text(f"referral_socket = {ref}\n")
            launcher.start("meeting-service", [
                str(support.binary("meeting-service")), "--socket", str(sockets["meeting_socket"]),
                "--data-dir", str(directory / "meeting-data"), "--config", str(directory / "meeting.conf")],
                support.Endpoint("unix", socket_path=sockets["meeting_socket"]))
            instruments = support.REPO_ROOT / "Tests" / "AssessmentServiceTests" / "Fixtures" / "instruments"
            (directory / "assessment.conf").write_text(
                f"referral_socket = {ref}\nmeeting_socket = {sockets['meeting_socket']}\ninstruments_dir = {instruments}\n")
            launcher.start("assessment-service", [
                str(support.binary("assessment-service")), "--socket", str(sockets["assessment_socket"]),
                "--data-dir", str(directory / "assessment-data"), "--config", str(directory / "assessment.conf")],
                support.Endpoint("unix", socket_path=sockets["assessment_socket"]))
            (directory / "reporting.conf").write_text(
                f"referral_socket = {ref}\nmeeting_socket = {sockets['meeting_socket']}\n"
                f"assessment_socket = {sockets['assessment_socket']}\npseudonym_secret = interop-test-secret-not-for-production\n")
            launcher.start("reporting-service", [
                str(support.binary("reporting-service")), "--socket", str(sockets["reporting_socket"]),
                "--data-dir", str(directory / "reporting-data"), "--config", str(directory / "reporting.conf")],
                support.Endpoint("unix", socket_path=sockets["reporting_socket"]))
        self.gateway = Gateway(launcher, pb, directory, certs, referral_socket=self.referral_endpoint.socket_path,
                               h2c=h2c, extra=gateway_extra, sockets=sockets)
        g = self.gateway
        self.sd = g.mint("SOCIAL_SERVICE", "riga", "Rīgas SD")
        self.sd_cesis = g.mint("SOCIAL_SERVICE", "cesis", "Cēsu SD")
        self.bt = g.mint("ORPHANS_COURT", "riga", "Rīgas bāriņtiesa")
        self.centre = g.mint("CENTRE", name="Centrs")
        self.dpo = g.mint("CENTRE", name="Datu aizsardzības speciālists", roles=["dpo"])
        self.ministry = g.mint("MINISTRY", name="LM")

    def stub(self, token: Token | None = None, client_cert: bool = False):
        return self.gateway.referral(self.gateway.channel(token, client_cert=client_cert))

    def submit(self, n: int, token: Token | None = None, **overrides):
        request = self.pb.referral.SubmitReferralRequest(request_id=str(uuid.uuid4()),
                                                        details=details(self.pb, n, **overrides))
        return self.stub(token or self.sd).SubmitReferral(request, timeout=10)

    def admit(self, referral_id: str, day="2026-11-25", held="2026-11-20"):
        request = self.pb.referral.AdmitCaseRequest(request_id=str(uuid.uuid4()), referral_id=referral_id,
                                                   admission_date=day, course_length_days=40,
                                                   pre_placement_meeting_held_on=held)
        return self.stub(self.centre).AdmitCase(request, timeout=10)


@pytest.fixture(scope="module")
def stack(pb, certs):
    directory = support.short_tempdir("tilts-gw-")
    try:
        for launcher in support.launcher_scope(pb, directory):
            yield Stack(pb, launcher, directory, certs)
    finally:
        support.remove_tree(directory)


def error_of(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value


# ------------------------------------------------------------------------------------------ tests


def test_token_client_and_mtls_client_both_work_through_tls(pb, stack):
    submitted = stack.submit(101)
    assert submitted.status == pb.referral.RECEIVED
    # The mTLS client (CN=tilts-test-client, mapped to Riga's SD) sees it without any token.
    mtls = stack.stub(client_cert=True)
    got = mtls.GetReferral(pb.referral.GetReferralRequest(referral_id=submitted.referral_id), timeout=10)
    assert got.referral_id == submitted.referral_id
    listed = mtls.ListReferrals(pb.referral.ListReferralsRequest(), timeout=10)
    assert submitted.referral_id in [r.referral_id for r in listed.referrals]
    # The service's record header comes back through the gateway.
    _, call = stack.stub(stack.bt).GetReferral.with_call(
        pb.referral.GetReferralRequest(referral_id=submitted.referral_id), timeout=10)
    assert ("tilts-record-id", submitted.referral_id) in tuple(call.initial_metadata())


def test_refusals_of_credentials(pb, stack):
    request = pb.referral.ListReferralsRequest()
    err = error_of(lambda: stack.stub().ListReferrals(request, timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED
    bogus = Token("tilts_" + "A" * 43, "none")
    assert error_of(lambda: stack.stub(bogus).ListReferrals(request, timeout=10)).code() == grpc.StatusCode.UNAUTHENTICATED
    # A bearer header of another kind is refused too.
    plain = stack.gateway.referral(stack.gateway.channel())
    err = error_of(lambda: plain.ListReferrals(request, metadata=(("authorization", "Basic dXNlcjpwYXNz"),), timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED

    # Revoked through AdminService on the local socket: refused at once.
    gw = stack.gateway.gw
    issued = stack.gateway.admin().IssueToken(gw.IssueTokenRequest(institution=pb.common.CENTRE, display_name="x"))
    revocable = Token(issued.token, issued.info.token_id)
    assert stack.stub(revocable).ListReferrals(request, timeout=10) is not None
    revoked = stack.gateway.admin().RevokeToken(gw.RevokeTokenRequest(token_id=revocable.id))
    assert revoked.HasField("revoked_at")
    err = error_of(lambda: stack.stub(revocable).ListReferrals(request, timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED

    # Expired: a one-second token from the bootstrap subcommand.
    short = stack.gateway.mint("CENTRE", name="short", ttl="1s")
    time.sleep(1.2)
    err = error_of(lambda: stack.stub(short).ListReferrals(request, timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED

    # A certificate from another CA never gets past the handshake.
    untrusted = grpc.secure_channel(
        f"127.0.0.1:{stack.gateway.port}",
        grpc.ssl_channel_credentials(root_certificates=stack.gateway.certs.read("ca"),
                                     private_key=stack.gateway.certs.read("untrusted_client_key"),
                                     certificate_chain=stack.gateway.certs.read("untrusted_client_cert")),
        options=[("grpc.ssl_target_name_override", "localhost")])
    err = error_of(lambda: pb.referral_grpc.ReferralServiceStub(untrusted).ListReferrals(request, timeout=5))
    assert err.code() == grpc.StatusCode.UNAVAILABLE

    # The admin service is not on the TLS port, whoever asks.
    err = error_of(lambda: stack.gateway.gw_grpc.AdminServiceStub(stack.gateway.channel(stack.centre)).ListTokens(
        gw.ListTokensRequest(), timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED


def test_authorization_by_the_policy_table(pb, stack):
    referral = stack.submit(102)
    admit = pb.referral.AdmitCaseRequest(request_id=str(uuid.uuid4()), referral_id=referral.referral_id,
                                         admission_date="2026-11-25", course_length_days=40)
    err = error_of(lambda: stack.stub(stack.sd).AdmitCase(admit, timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    assert "AdmitCase" in err.details() and "CENTRE" in err.details()
    err = error_of(lambda: stack.stub(stack.ministry).GetReferral(
        pb.referral.GetReferralRequest(referral_id=referral.referral_id), timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    # Service-to-service methods are never routed.
    err = error_of(lambda: list(stack.stub(stack.centre).WatchEvents(pb.common.WatchEventsRequest(), timeout=10)))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    # An unknown service is unimplemented; the audit service needs the dpo role.
    health_like = stack.gateway.channel(stack.centre).unary_unary("/tilts.nothing.v1.Nothing/Call")
    assert error_of(lambda: health_like(b"", timeout=10)).code() == grpc.StatusCode.UNIMPLEMENTED
    gw = stack.gateway.gw
    err = error_of(lambda: stack.gateway.audit(stack.gateway.channel(stack.centre)).VerifyAuditChain(
        gw.VerifyAuditChainRequest(), timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED


def test_municipality_a_cannot_read_municipality_b(pb, stack):
    referral = stack.submit(103)
    case = stack.admit(referral.referral_id)
    cesis = stack.stub(stack.sd_cesis)
    err = error_of(lambda: cesis.GetCase(pb.referral.GetCaseRequest(case_id=case.case_id), timeout=10))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    err = error_of(lambda: cesis.GetReferral(pb.referral.GetReferralRequest(referral_id=referral.referral_id), timeout=10))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    assert case.case_id not in [c.case_id for c in cesis.ListCases(pb.referral.ListCasesRequest(), timeout=10).cases]
    assert stack.stub(stack.sd).GetCase(pb.referral.GetCaseRequest(case_id=case.case_id), timeout=10).case_id == case.case_id


def test_a_forged_principal_header_is_stripped(pb, stack):
    referral = stack.submit(104)
    forged = pb.common.Principal(institution=pb.common.CENTRE, subject="forged").SerializeToString()
    metadata = (("tilts-principal-bin", forged),)
    cesis = stack.stub(stack.sd_cesis)
    err = error_of(lambda: cesis.GetReferral(pb.referral.GetReferralRequest(referral_id=referral.referral_id),
                                             metadata=metadata, timeout=10))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    listed = cesis.ListReferrals(pb.referral.ListReferralsRequest(), metadata=metadata, timeout=10)
    assert all(r.details.municipality == "cesis" for r in listed.referrals)
    # Without any credentials the forged header gets nowhere either.
    err = error_of(lambda: stack.stub().ListReferrals(pb.referral.ListReferralsRequest(), metadata=metadata, timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED


def test_per_case_audit_lists_every_access(pb, stack):
    r = pb.referral
    referral = stack.submit(105)
    rid = referral.referral_id
    stack.stub(stack.centre).GetReferral(r.GetReferralRequest(referral_id=rid), timeout=10)
    error_of(lambda: stack.stub(stack.sd_cesis).GetReferral(r.GetReferralRequest(referral_id=rid), timeout=10))
    case = stack.admit(rid)
    cid = case.case_id
    stack.stub(stack.centre).GetCase(r.GetCaseRequest(case_id=cid), timeout=10)
    stack.stub(client_cert=True).GetCase(r.GetCaseRequest(case_id=cid), timeout=10)
    error_of(lambda: stack.stub(stack.sd_cesis).GetCase(r.GetCaseRequest(case_id=cid), timeout=10))
    stack.stub(stack.centre).TerminateCase(
        r.TerminateCaseRequest(request_id=str(uuid.uuid4()), case_id=cid, reason=r.RAN_AWAY,
                               terminated_on="2026-12-01"), timeout=10)

    gw = stack.gateway.gw
    audit = stack.gateway.audit(stack.gateway.channel(stack.dpo))
    entries, token = [], ""
    while True:
        page = audit.QueryAudit(gw.QueryAuditRequest(record_ids=[rid, cid], page_size=3, page_token=token), timeout=10)
        entries.extend(page.entries)
        token = page.next_page_token
        if not token:
            break
    cert = "cert:CN=tilts-test-client"
    expected = [
        ("SubmitReferral", stack.sd.subject, 0, [rid]),
        ("GetReferral", stack.centre.subject, 0, [rid]),
        ("GetReferral", stack.sd_cesis.subject, 5, [rid]),
        ("AdmitCase", stack.centre.subject, 0, [rid]),
        ("GetCase", stack.centre.subject, 0, [cid]),
        ("GetCase", cert, 0, [cid]),
        ("GetCase", stack.sd_cesis.subject, 5, [cid]),
        ("TerminateCase", stack.centre.subject, 0, [cid]),
    ]
    # The DPO's own paged queries name the records too, so they appear as they are answered.
    queries = [e for e in entries if e.method == "/tilts.gateway.v1.AuditService/QueryAudit"]
    assert queries and all(e.subject == stack.dpo.subject and set(e.record_ids) == {rid, cid} for e in queries)
    entries = [e for e in entries if e not in queries]
    got = [(e.method.rsplit("/", 1)[1], e.subject, e.status_code, list(e.record_ids)) for e in entries]
    assert got == expected
    assert [e.sequence for e in entries] == sorted(e.sequence for e in entries)
    assert all(e.method.startswith(f"/{REFERRAL}/") and e.request_id and len(e.hash) == 32 for e in entries)
    riga = [e for e in entries if e.subject == stack.sd.subject]
    assert riga[0].institution == pb.common.SOCIAL_SERVICE and riga[0].municipality == "riga"
    # By subject: the Cēsu SD's two refused reads are there.
    mine = audit.QueryAudit(gw.QueryAuditRequest(subject=stack.sd_cesis.subject), timeout=10).entries
    assert {e.status_code for e in mine if e.record_ids and e.record_ids[0] in (rid, cid)} == {5}
    # The chain is intact.
    verdict = audit.VerifyAuditChain(gw.VerifyAuditChainRequest(), timeout=10)
    assert verdict.intact and verdict.entries_checked == verdict.last_sequence > 0
    # No names or personal codes anywhere in the audit store.
    db = sqlite3.connect(stack.gateway.data / "gateway.sqlite")
    try:
        rows = db.execute("SELECT * FROM audit_entry").fetchall() + db.execute("SELECT * FROM audit_record_ref").fetchall()
    finally:
        db.close()
    dump = repr(rows)
    for secret in ("Vārds", "Uzvārds", "Pārstāvis", "320000-00105", "Rīgas SD", "Centrs", "Sociālais"):
        assert secret not in dump


def test_editing_the_audit_store_is_detected(pb, certs, tmp_dir, launch):
    gateway = Gateway(launch, pb, tmp_dir, certs)
    centre = gateway.mint("CENTRE", name="Centrs")
    stub = gateway.referral(gateway.channel(centre))
    for _ in range(6):  # routed to an unconfigured service: refused, but audited
        error_of(lambda: stub.GetReferral(pb.referral.GetReferralRequest(referral_id="x"), timeout=10))
    gw = gateway.gw
    audit = gateway.audit(gateway.admin_channel())  # the local operator
    assert audit.VerifyAuditChain(gw.VerifyAuditChainRequest(), timeout=10).intact

    db = sqlite3.connect(gateway.data / "gateway.sqlite", timeout=10)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            db.execute("UPDATE audit_entry SET status = 0 WHERE seq = 4")
        db.execute("DROP TRIGGER audit_entry_no_update")
        db.execute("UPDATE audit_entry SET status = 0 WHERE seq = 4")
        db.commit()
    finally:
        db.close()
    verdict = audit.VerifyAuditChain(gw.VerifyAuditChainRequest(), timeout=10)
    assert not verdict.intact
    assert verdict.first_broken_sequence == 4, verdict
    assert verdict.entries_checked == 3 and "4" in verdict.problem


def test_rate_and_size_limits_give_resource_exhausted(pb, stack, certs, tmp_dir, launch):
    limited = Gateway(launch, pb, tmp_dir, certs, referral_socket=stack.referral_endpoint.socket_path,
                      extra={"rate_limit_per_second": 1, "rate_limit_burst": 3, "max_request_bytes": 2048},
                      name="limited")
    centre, other = limited.mint("CENTRE", name="a"), limited.mint("CENTRE", name="b")
    stub = limited.referral(limited.channel(centre))
    request = pb.referral.ListReferralsRequest(page_size=1)
    for _ in range(3):
        stub.ListReferrals(request, timeout=10)
    err = error_of(lambda: stub.ListReferrals(request, timeout=10))
    assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED and "per second" in err.details()
    # Per principal: another caller is not slowed down.
    limited.referral(limited.channel(other)).ListReferrals(request, timeout=10)
    time.sleep(1.1)
    stub.ListReferrals(request, timeout=10)
    # A request message over max_request_bytes is refused before it reaches the service.
    big = pb.referral.ListReferralsRequest(municipality="x" * 4096)
    err = error_of(lambda: limited.referral(limited.channel(other)).ListReferrals(big, timeout=10))
    assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_health_is_aggregated_over_routed_services(pb, certs, tmp_dir, launch):
    endpoint, argv = start_referral(launch, tmp_dir)
    gateway = Gateway(launch, pb, tmp_dir, certs, referral_socket=endpoint.socket_path)
    serving, not_serving = pb.health.HealthCheckResponse.SERVING, pb.health.HealthCheckResponse.NOT_SERVING
    over_tls = gateway.channel()  # health needs no credentials
    assert gateway.health("", over_tls) == serving
    assert gateway.health(REFERRAL) == serving
    assert gateway.health("tilts.gateway.v1.AuditService") == serving
    centre = gateway.mint("CENTRE", name="Centrs")
    stub = gateway.referral(gateway.channel(centre))

    referral = next(p for p in launch.started if p.name == "referral-service")
    assert referral.stop() == 0
    launch.started.remove(referral)

    def wait_for(status, service=""):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if gateway.health(service) == status:
                return True
            time.sleep(0.05)
        return False

    assert wait_for(not_serving), "the gateway must stop reporting SERVING when a routed service is down"
    assert gateway.health(REFERRAL) == not_serving
    err = error_of(lambda: stub.ListReferrals(pb.referral.ListReferralsRequest(), timeout=10))
    assert err.code() == grpc.StatusCode.UNAVAILABLE and "referral" in err.details()

    launch.start("referral-service", argv, endpoint)
    assert wait_for(serving)
    deadline = time.monotonic() + 10
    while True:
        try:
            stub.ListReferrals(pb.referral.ListReferralsRequest(), timeout=10)
            break
        except grpc.RpcError as e:
            assert e.code() == grpc.StatusCode.UNAVAILABLE and time.monotonic() < deadline
            time.sleep(0.1)


def test_sighup_reloads_the_certificate(pb, certs, tmp_dir, launch):
    gateway = Gateway(launch, pb, tmp_dir, certs)

    def served_serial() -> str:
        pem = ssl.get_server_certificate(("127.0.0.1", gateway.port))
        out = subprocess.run(["openssl", "x509", "-noout", "-serial"], input=pem, capture_output=True, text=True,
                             check=True)
        return out.stdout.strip()

    before = served_serial()
    # A fresh certificate for the same name from the same CA, written over the configured files.
    work = tmp_dir / "renew"
    work.mkdir()
    (work / "ext").write_text("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                              "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run = lambda *a: subprocess.run(["openssl", *a], cwd=work, check=True, capture_output=True, timeout=60)
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "new.key", "-out", "new.csr")
    run("x509", "-req", "-in", "new.csr", "-CA", str(certs.ca), "-CAkey", str(certs.dir / "ca.key"), "-CAcreateserial",
        "-days", "2", "-sha256", "-extfile", "ext", "-out", "new.pem")
    shutil.copy(work / "new.pem", gateway.cert)
    shutil.copy(work / "new.key", gateway.key)
    gateway.proc.proc.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while served_serial() == before:
        assert time.monotonic() < deadline, "SIGHUP did not reload the certificate"
        time.sleep(0.05)
    # Calls still work with the new certificate.
    assert gateway.health("", gateway.channel()) == pb.health.HealthCheckResponse.SERVING
