"""The built `tiltsctl` binary against a running referral-service + tilts-gateway stack.

Covers issue 7's tiltsctl acceptance: health, token administration on the gateway's local socket,
submitting a referral from a JSON file (proto3 JSON mapping), listing as a table and as --json, mTLS and
h2c connections, the audit commands, and failures printed plainly as `CODE: message` with a non-zero exit.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from google.protobuf import json_format

import support
from test_gateway import Stack
from test_referral import details

pytestmark = pytest.mark.needs_binaries


@pytest.fixture(scope="module")
def stack(pb, certs):
    directory = support.short_tempdir("tilts-ctl-")
    try:
        for launcher in support.launcher_scope(pb, directory):
            yield Stack(pb, launcher, directory, certs, h2c=True)
    finally:
        support.remove_tree(directory)


class Ctl:
    def __init__(self, stack):
        self.stack = stack
        g = stack.gateway
        self.tls = ["--address", f"127.0.0.1:{g.port}", "--ca", str(g.certs.ca), "--server-name", "localhost"]
        self.local = ["--socket", str(g.socket)]
        self.h2c = ["--address", f"127.0.0.1:{g.h2c_port}", "--plaintext"]

    def run(self, *args, token=None, env_token=None, check=True):
        env = {k: v for k, v in os.environ.items() if not k.startswith("TILTS_")}
        if env_token is not None:
            env["TILTS_TOKEN"] = env_token.token
        argv = [str(support.binary("tiltsctl")), *args]
        if token is not None:
            argv += ["--token", token.token]
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
        if check:
            assert out.returncode == 0, f"{argv}\nstdout: {out.stdout}\nstderr: {out.stderr}"
        return out


@pytest.fixture
def ctl(stack):
    return Ctl(stack)


def test_health_over_tls_and_the_local_socket(ctl):
    out = ctl.run("health", *ctl.tls)
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["SERVICE", "STATUS"]
    assert any(line.split() == ["(gateway)", "SERVING"] for line in lines)
    assert any(line.split() == ["tilts.referral.v1.ReferralService", "SERVING"] for line in lines)
    assert "SERVING" in ctl.run("health", *ctl.local, "--service", "").stdout


def test_token_administration_on_the_local_socket(pb, ctl):
    listed = ctl.run("token", "list", *ctl.local).stdout.splitlines()
    assert listed[0].split()[:3] == ["ID", "INSTITUTION", "MUNICIPALITY"]
    assert any(ctl.stack.sd.id in line and "SOCIAL_SERVICE" in line and "riga" in line for line in listed)

    issued = json.loads(ctl.run("token", "issue", *ctl.local, "--institution", "orphans_court", "--municipality",
                                "cesis", "--name", "Cēsu bāriņtiesa", "--json").stdout)
    token_id, token = issued["info"]["tokenId"], issued["token"]
    assert token.startswith("tilts_") and issued["info"]["institution"] == "ORPHANS_COURT"
    out = ctl.run("referral", "list", *ctl.tls, "--token", token)
    assert out.stdout.splitlines()[0].split()[0] == "REFERRAL"

    ctl.run("token", "revoke", *ctl.local, token_id)
    out = ctl.run("referral", "list", *ctl.tls, "--token", token, check=False)
    assert out.returncode != 0
    assert out.stderr.strip() == "UNAUTHENTICATED: the bearer token is unknown, expired or revoked"
    assert token_id not in ctl.run("token", "list", *ctl.local).stdout
    assert token_id in ctl.run("token", "list", *ctl.local, "--all").stdout

    # The admin service is refused on the TLS port, plainly.
    out = ctl.run("token", "list", *ctl.tls, token=ctl.stack.centre, check=False)
    assert out.returncode != 0 and out.stderr.startswith("PERMISSION_DENIED: ")


def test_submit_from_json_then_list_as_table_and_json(pb, ctl, tmp_dir):
    referral_json = json_format.MessageToJson(details(pb, 201))
    path = tmp_dir / "referral.json"
    path.write_text(referral_json)
    out = ctl.run("referral", "submit", *ctl.tls, "--file", str(path), env_token=ctl.stack.sd)
    fields = dict(line.split(None, 1) if " " in line else (line, "") for line in out.stdout.splitlines())
    referral_id = fields["referral"].strip()
    assert fields["status"].strip() == "RECEIVED"

    # The same with a whole SubmitReferralRequest and a fixed request id: a retry returns the first one.
    whole = tmp_dir / "request.json"
    whole.write_text(json.dumps({"requestId": "ctl-retry-1", "details": json.loads(
        json_format.MessageToJson(details(pb, 202)))}))
    first = ctl.run("referral", "submit", *ctl.tls, "--file", str(whole), "--json", env_token=ctl.stack.sd).stdout
    again = ctl.run("referral", "submit", *ctl.tls, "--file", str(whole), "--json", env_token=ctl.stack.sd).stdout
    assert json.loads(first)["referralId"] == json.loads(again)["referralId"]

    table = ctl.run("referral", "list", *ctl.tls, "--municipality", "riga", token=ctl.stack.centre).stdout.splitlines()
    assert table[0].split() == ["REFERRAL", "STATUS", "MUNICIPALITY", "RECEIVED", "URGENT", "REQUESTED", "CASE"]
    row = next(line for line in table if line.startswith(referral_id))
    assert row.split()[1:3] == ["RECEIVED", "riga"]

    listed = ctl.run("referral", "list", *ctl.tls, "--json", "--all", token=ctl.stack.centre).stdout
    response = json_format.Parse(listed, pb.referral.ListReferralsResponse())
    assert referral_id in [r.referral_id for r in response.referrals]

    got = ctl.run("referral", "get", *ctl.tls, referral_id, "--json", token=ctl.stack.bt).stdout
    assert json_format.Parse(got, pb.referral.Referral()).details.child.personal_code == "320000-00201"

    # Admission and the case commands, as the centre.
    case = json.loads(ctl.run("case", "admit", *ctl.tls, referral_id, "--date", "2026-11-25", "--length", "40",
                              "--pre-placement-held-on", "2026-11-20", "--json", token=ctl.stack.centre).stdout)
    shown = ctl.run("case", "get", *ctl.tls, case["caseId"], token=ctl.stack.sd).stdout
    assert "meeting 1" in shown and "2026-12-01 … 2026-12-03" in shown
    cases = ctl.run("case", "list", *ctl.tls, "--status", "in_course", token=ctl.stack.centre).stdout
    assert case["caseId"] in cases
    assert "REFERRAL" in ctl.run("waiting-list", *ctl.tls, token=ctl.stack.centre).stdout
    ended = ctl.run("case", "terminate", *ctl.tls, case["caseId"], "--reason", "ran_away", "--on", "2026-12-02",
                    token=ctl.stack.centre).stdout
    assert "TERMINATED_EARLY" in ended and "RAN_AWAY" in ended


def test_mtls_and_h2c_connections(ctl):
    certs = ctl.stack.gateway.certs
    out = ctl.run("referral", "list", *ctl.tls, "--cert", str(certs.client_cert), "--key", str(certs.client_key))
    assert out.stdout.startswith("REFERRAL")
    out = ctl.run("referral", "list", *ctl.h2c, token=ctl.stack.sd)
    assert out.stdout.startswith("REFERRAL")


def test_errors_are_printed_plainly_with_a_nonzero_exit(ctl):
    out = ctl.run("referral", "get", *ctl.tls, "no-such-referral", token=ctl.stack.centre, check=False)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == "NOT_FOUND: referral no-such-referral was not found"

    out = ctl.run("case", "admit", *ctl.tls, "x", "--date", "2026-11-25", token=ctl.stack.sd, check=False)
    assert out.returncode == 1
    assert out.stderr.startswith("PERMISSION_DENIED: AdmitCase is not available to SOCIAL_SERVICE callers")

    out = ctl.run("referral", "list", *ctl.tls, check=False)
    assert out.returncode == 1 and out.stderr.startswith("UNAUTHENTICATED: ")

    out = ctl.run("referral", "list", "--address", "127.0.0.1:1", "--plaintext", token=ctl.stack.sd, check=False)
    assert out.returncode == 1 and out.stderr.startswith("UNAVAILABLE: ")

    out = ctl.run("referral", "submit", *ctl.tls, "--file", "/nonexistent.json", token=ctl.stack.sd, check=False)
    assert out.returncode != 0 and "cannot read /nonexistent.json" in out.stderr


def test_audit_query_and_verify(ctl):
    referral_id = None
    table = ctl.run("referral", "list", *ctl.tls, "--json", "--all", token=ctl.stack.centre).stdout
    referrals = json.loads(table).get("referrals", [])
    assert referrals
    referral_id = referrals[0]["referralId"]
    out = ctl.run("audit", "query", *ctl.tls, "--record", referral_id, "--all", token=ctl.stack.dpo).stdout.splitlines()
    assert out[0].split()[:3] == ["SEQ", "TIME", "SUBJECT"]
    assert any("SubmitReferral" in line and "OK" in line for line in out[1:])
    verified = ctl.run("audit", "verify", *ctl.local).stdout
    assert "intact" in verified
    out = ctl.run("audit", "verify", *ctl.tls, token=ctl.stack.sd, check=False)
    assert out.returncode == 1 and out.stderr.startswith("PERMISSION_DENIED: ")


@pytest.fixture(scope="module")
def full_stack(pb, certs):
    directory = support.short_tempdir("tilts-ctlf-")
    try:
        for launcher in support.launcher_scope(pb, directory):
            yield Stack(pb, launcher, directory, certs, full=True)
    finally:
        support.remove_tree(directory)


def eventually(attempt, timeout=15.0):
    """Retries `attempt` (events travel between services asynchronously) until it returns a value."""
    import time
    deadline = time.monotonic() + timeout
    while True:
        value = attempt()
        if value:
            return value
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.1)


def test_meeting_and_assessment_commands(pb, full_stack, tmp_dir):
    import datetime as dt
    ctl = Ctl(full_stack)
    sd, centre = full_stack.sd, full_stack.centre
    # Observations may not be in the future: the course started two days ago.
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=2))).date()
    admitted, held, observed = today - dt.timedelta(days=2), today - dt.timedelta(days=5), today - dt.timedelta(days=1)
    meeting_day = admitted + dt.timedelta(days=6)
    path = tmp_dir / "referral.json"
    path.write_text(json_format.MessageToJson(details(pb, 301)))
    referral = json.loads(ctl.run("referral", "submit", *ctl.tls, "--file", str(path), "--json", token=sd).stdout)
    case = json.loads(ctl.run("case", "admit", *ctl.tls, referral["referralId"], "--date", admitted.isoformat(), "--length",
                              "40", "--pre-placement-held-on", held.isoformat(), "--json", token=centre).stdout)
    case_id = case["caseId"]

    def due():
        out = ctl.run("meeting", "due", *ctl.tls, "--case", case_id, "--as-of", today.isoformat(), "--json", token=centre)
        kinds = [r["kind"] for r in json.loads(out.stdout).get("requirements", [])]
        return "MEETING_1" in kinds and kinds
    eventually(due)
    table = ctl.run("meeting", "due", *ctl.tls, "--case", case_id, "--as-of", today.isoformat(), token=centre).stdout
    assert table.splitlines()[1].split()[:2] == ["KIND", "CASE"] and "MEETING_1" in table

    schedule = tmp_dir / "schedule.json"
    schedule.write_text(json.dumps({
        "kind": "MEETING_1", "caseId": case_id, "startsAt": f"{meeting_day.isoformat()}T08:00:00Z", "durationMinutes": 90,
        "mode": "IN_PERSON", "place": "Centrs, 2. stāvs",
        "participants": [{"institution": "CENTRE", "institutionName": "Ģimenes atbalsta centrs"},
                         {"institution": "SOCIAL_SERVICE", "institutionName": "Rīgas Sociālais dienests",
                          "municipality": "riga"}]}))
    meeting = json.loads(ctl.run("meeting", "schedule", *ctl.tls, "--file", str(schedule), "--json", token=centre).stdout)
    assert meeting["kind"] == "MEETING_1" and meeting["status"] == "SCHEDULED"
    shown = ctl.run("meeting", "get", *ctl.tls, meeting["meetingId"], token=sd).stdout
    assert "MEETING_1" in shown and "PARTICIPANT" in shown
    listed = ctl.run("meeting", "list", *ctl.tls, "--case", case_id, token=centre).stdout
    assert meeting["meetingId"] in listed
    assert ctl.run("meeting", "calendar", *ctl.tls, meeting["meetingId"], token=centre).stdout.startswith("BEGIN:VCALENDAR")

    instruments = ctl.run("assessment", "instruments", *ctl.tls, token=centre).stdout.splitlines()
    assert instruments[0].split()[:2] == ["INSTRUMENT", "VERSION"] and len(instruments) > 1
    assert ctl.run("assessment", "service-types", *ctl.tls, token=centre).stdout.startswith("CODE")

    observation = tmp_dir / "observation.json"
    observation.write_text(json.dumps({"caseId": case_id, "observedOn": observed.isoformat(), "area": "EMOTIONAL",
                                       "observerRole": "CLINICAL_PSYCHOLOGIST", "note": "Pielāgojas grupai."}))

    def observe():
        out = ctl.run("assessment", "observe", *ctl.tls, "--file", str(observation), "--request-id", "obs-1",
                      token=centre, check=False)
        return out.returncode == 0 and out.stdout
    assert "EMOTIONAL" in eventually(observe)
    record = ctl.run("assessment", "case-record", *ctl.tls, case_id, token=centre).stdout
    assert "observations" in record and case_id in record

    out = ctl.run("assessment", "observe", *ctl.tls, "--file", str(observation), token=sd, check=False)
    assert out.returncode == 1
    assert out.stderr.startswith("PERMISSION_DENIED: RecordObservation is not available to SOCIAL_SERVICE callers")
    out = ctl.run("meeting", "get", *ctl.tls, meeting["meetingId"], token=full_stack.sd_cesis, check=False)
    assert out.returncode == 1 and out.stderr.startswith("NOT_FOUND: ")


def test_report_commands(pb, full_stack, tmp_dir):
    import datetime as dt
    ctl = Ctl(full_stack)
    path = tmp_dir / "referral.json"
    path.write_text(json_format.MessageToJson(details(pb, 401, municipality="cesis")))
    ctl.run("referral", "submit", *ctl.tls, "--file", str(path), token=full_stack.sd_cesis)
    today = dt.date.today()
    quarter = str(((today.year - 2026) * 12 + today.month - 3) // 3 + 1)

    def ingested():
        out = ctl.run("report", "ingestion", *ctl.local, "--json")  # the local operator
        return json.loads(out.stdout).get("referrals", "0") not in ("0", 0) and out.stdout
    eventually(ingested)

    snapshot = ctl.run("report", "snapshot", *ctl.tls, token=full_stack.centre).stdout
    assert "in course" in snapshot and "STEP" in snapshot
    evaluation = ctl.run("report", "evaluation", *ctl.tls, token=full_stack.ministry).stdout
    assert evaluation.startswith("pilot evaluation") and "40 days" in evaluation and "70 days" in evaluation
    # The Cēsu SD sees its own municipality's quarter, small counts suppressed.
    mine = ctl.run("report", "quarterly", *ctl.tls, "--quarter", quarter, token=full_stack.sd_cesis).stdout
    assert "scope                   cesis" in mine and "<5" in mine
    out = ctl.run("report", "evaluation", *ctl.tls, token=full_stack.sd_cesis, check=False)
    assert out.returncode == 1 and out.stderr.startswith("PERMISSION_DENIED: GetPilotEvaluation is not available")

    svg = tmp_dir / "chart.svg"
    out = ctl.run("report", "export", *ctl.tls, "--report", "evaluation", "--format", "svg", "--output", str(svg),
                  token=full_stack.centre)
    assert out.stdout.startswith(f"wrote {svg}") and "<svg" in svg.read_text()
    csv = ctl.run("report", "export", *ctl.tls, "--report", "quarterly", "--quarter", quarter, "--format", "csv",
                  "--output", "-", token=full_stack.centre).stdout
    assert csv.splitlines()[0].startswith("section,")
