"""Helpers for the fault tests (test_faults.py): the whole stack behind the gateway with services that
can be killed, stopped and restarted by name; a ledger of every call a client made and its outcome;
read-only looks into the stores (outbox heads, consumer cursors, integrity); and the deterministic
pilot scenario that the crash test runs once without and once with faults.

Clients are what a municipal system would use: stock grpcio over TLS with bearer tokens minted by
`tilts-gateway token issue`, through the gateway only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import sqlite3
import threading
import time
import uuid
import zoneinfo
from pathlib import Path

import grpc

import support
from test_gateway import Gateway
from test_referral import details, new_form_code

OK = grpc.StatusCode.OK
UNAVAILABLE = grpc.StatusCode.UNAVAILABLE
DEADLINE = grpc.StatusCode.DEADLINE_EXCEEDED
NOT_FOUND = grpc.StatusCode.NOT_FOUND
# While a service (or the gateway) is down or restarting, a call may only be refused as unavailable or
# run out of time; either way the client retries it with the same request_id.
RETRYABLE = frozenset({UNAVAILABLE, DEADLINE})
CALL_TIMEOUT = 5.0
GIVE_UP = 60.0

RIGA = zoneinfo.ZoneInfo("Europe/Riga")
TODAY = dt.datetime.now(RIGA).date()
SERVICES = ("referral-service", "meeting-service", "assessment-service", "reporting-service")
STORE_FILE = {"referral-service": "referral.sqlite", "meeting-service": "meeting.sqlite",
              "assessment-service": "assessment.sqlite", "reporting-service": "reporting.sqlite"}
# Which streams each service follows, and the event kinds it asks for (WatchEvents filters on the server, so a
# cursor only moves on these kinds). Consumer cursors are named after the source. From the services'
# *EventConsumers.swift, MeetingStore.eventKinds and FactProjector's lists.
FOLLOWS = {
    "referral-service": {"meeting": ("MeetingHeld",), "assessment": ("FinalSummaryIssued",)},
    "meeting-service": {"referral": ("ReferralSubmitted", "CaseAdmitted", "ReferralClosed", "CaseEnded")},
    "assessment-service": {"referral": ("CaseAdmitted", "CaseEnded"), "meeting": ("MeetingHeld",)},
    "reporting-service": {"referral": ("ReferralSubmitted", "ReferralClosed", "CaseAdmitted", "CaseEnded"),
                          "meeting": ("MeetingHeld", "AgreedActionCompleted"),
                          "assessment": ("AssessmentRecorded", "PlanApproved", "SessionLogged", "FinalSummaryIssued")},
}
# Fast reconnects: a restarted gateway is reached again within a fraction of a second.
CHANNEL_OPTIONS = [("grpc.ssl_target_name_override", "localhost"), ("grpc.initial_reconnect_backoff_ms", 50),
                   ("grpc.min_reconnect_backoff_ms", 50), ("grpc.max_reconnect_backoff_ms", 300)]


# ------------------------------------------------------------------------------------------- ledger


@dataclasses.dataclass(frozen=True)
class Attempt:
    label: str
    method: str
    code: grpc.StatusCode
    details: str
    start: float
    end: float


class CallFailed(AssertionError):
    """A call ended with a status the fault tests never accept."""


class Ledger:
    """Every call attempt a test's clients made, with its outcome and its start and end (monotonic)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.attempts: list[Attempt] = []
        self.acknowledged_writes = 0
        self.active = 0  # calls under way right now

    def call(self, label: str, method, request, metadata=None, timeout: float = CALL_TIMEOUT):
        """One attempt: (code, reply or None, details)."""
        with self.lock:
            self.active += 1
        start = time.monotonic()
        try:
            reply = method(request, metadata=metadata, timeout=timeout)
            code, details = OK, ""
        except grpc.RpcError as err:
            reply, code, details = None, err.code(), err.details() or ""
        end = time.monotonic()
        with self.lock:
            self.active -= 1
        name = getattr(method, "_method", b"")
        name = name.decode() if isinstance(name, bytes) else str(name)
        with self.lock:
            self.attempts.append(Attempt(label, name, code, details, start, end))
        return code, reply, details

    def until_ok(self, label: str, method, request, metadata=None, waiting=frozenset(), write=True,
                 retry=RETRYABLE, give_up: float = GIVE_UP, timeout: float = CALL_TIMEOUT):
        """Calls until OK, retrying `retry` codes (and `waiting` codes: an answer that another service has
        not caught up yet) with the very same request; any other status fails the test at once."""
        deadline = time.monotonic() + give_up
        while True:
            code, reply, text = self.call(label, method, request, metadata, timeout)
            if code == OK:
                if write:
                    with self.lock:
                        self.acknowledged_writes += 1
                return reply
            if code not in retry and code not in waiting:
                raise CallFailed(f"{label}: {code.name} {text!r} (only OK or {sorted(c.name for c in retry)} "
                                 f"are acceptable)")
            if time.monotonic() > deadline:
                raise CallFailed(f"{label}: still {code.name} {text!r} after {give_up}s of retries")
            time.sleep(0.05)

    def outcomes(self) -> dict[str, int]:
        with self.lock:
            counts: dict[str, int] = {}
            for a in self.attempts:
                counts[a.code.name] = counts.get(a.code.name, 0) + 1
            return counts

    def unexpected(self, allowed) -> list[Attempt]:
        with self.lock:
            return [a for a in self.attempts if a.code not in allowed]

    def in_flight_at(self, instant: float) -> list[Attempt]:
        with self.lock:
            return [a for a in self.attempts if a.start < instant < a.end]


def describe(attempts, limit: int = 8) -> str:
    return "; ".join(f"{a.label} {a.code.name} {a.details!r}" for a in attempts[:limit])


# ------------------------------------------------------------------------------------------- stores


def store_query(path: Path, sql: str, args=()):
    """A read-only query on a live service's store (WAL: sees every committed write)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def integrity(path: Path) -> str:
    return store_query(path, "PRAGMA integrity_check")[0][0]


# -------------------------------------------------------------------------------------------- stack


class FaultStack:
    """The services (all four by default) and tilts-gateway, each restartable by name; tokens for an SD
    per municipality and for the centre; TLS channels with bearer tokens."""

    def __init__(self, pb, launcher: support.Launcher, directory: Path, certs, services=SERVICES,
                 data_dirs: dict | None = None, admin_ports: bool = False):
        self.pb, self.launcher, self.dir, self.certs = pb, launcher, Path(directory), certs
        self.services = tuple(services)
        self.sockets = {name: self.dir / f"{name[:3]}.sock" for name in SERVICES}
        self.data = {name: self.dir / f"{name}-data" for name in SERVICES}
        self.data.update(data_dirs or {})
        self.admin_ports = {name: support.free_tcp_port() for name in self.services} if admin_ports else {}
        sock = {name.split("-")[0]: path for name, path in self.sockets.items() if name in self.services}
        link = lambda *names: "".join(f"{n}_socket = {sock[n]}\n" for n in names if n in sock)  # noqa: E731
        configs = {
            "referral-service": "capacity = 100\nallocation = requested\n" + link("meeting", "assessment"),
            "meeting-service": link("referral"),
            "assessment-service": link("referral", "meeting"),
            "reporting-service": link("referral", "meeting", "assessment")
                                 + "pseudonym_secret = interop-faults-secret\ncapacity = 100\ndaily_rate_eur = 95\n",
        }
        self.argv: dict[str, list[str]] = {}
        self.procs: dict[str, support.ServerProcess] = {}
        for name in self.services:
            (self.dir / f"{name}.conf").write_text(configs[name])
            self.argv[name] = [str(support.binary(name)), "--socket", str(self.sockets[name]), "--data-dir",
                               str(self.data[name]), "--config", str(self.dir / f"{name}.conf")]
            if name in self.admin_ports:
                self.argv[name] += ["--admin-port", str(self.admin_ports[name])]
            self.start(name)
        routes = {f"{n}_socket": sock[n] for n in ("meeting", "assessment", "reporting") if n in sock}
        self.gateway = Gateway(launcher, pb, self.dir, certs, referral_socket=sock.get("referral"), sockets=routes,
                               extra={"rate_limit_per_second": 100000, "rate_limit_burst": 100000,
                                      "log_level": "info"})
        self.procs["tilts-gateway"] = self.gateway.proc
        g = self.gateway
        self.sd = {m: g.mint("SOCIAL_SERVICE", m, f"SD {m}") for m in ("riga", "cesis", "valmiera")}
        self.centre = g.mint("CENTRE", name="Centrs")
        self._channels: dict[str, grpc.Channel] = {}

    # ---------------------------------------------------------------------------------- processes

    def endpoint(self, name: str) -> support.Endpoint:
        if name == "tilts-gateway":
            return self.gateway.endpoint
        return support.Endpoint("unix", socket_path=self.sockets[name])

    def start(self, name: str) -> support.ServerProcess:
        if name == "tilts-gateway":
            proc = self.launcher.start("tilts-gateway", [str(support.binary("tilts-gateway")), *self.gateway.base],
                                       self.gateway.endpoint)
            self.gateway.proc = proc
        else:
            proc = self.launcher.start(name, self.argv[name], self.endpoint(name))
        self.procs[name] = proc
        return proc

    def kill(self, name: str) -> None:
        """kill -9, then wait for the process to be gone."""
        proc = self.procs[name]
        proc.proc.send_signal(signal.SIGKILL)
        proc.proc.wait(timeout=10)
        proc._log.close()
        self.launcher.started.remove(proc)  # killed on purpose: not a failed clean exit

    def terminate(self, name: str) -> int:
        """SIGTERM and wait for the drain to finish; returns the exit code."""
        proc = self.procs[name]
        code = proc.stop()
        self.launcher.started.remove(proc)
        return code

    def store(self, name: str) -> Path:
        return self.data[name] / STORE_FILE[name]

    # ----------------------------------------------------------------------------------- channels

    def channel(self, token) -> grpc.Channel:
        """One TLS channel per token, shared by the threads (grpcio channels are thread-safe)."""
        if token.token not in self._channels:
            creds = grpc.composite_channel_credentials(
                grpc.ssl_channel_credentials(root_certificates=self.certs.read("ca")),
                grpc.access_token_call_credentials(token.token))
            self._channels[token.token] = grpc.secure_channel(f"127.0.0.1:{self.gateway.port}", creds,
                                                              options=CHANNEL_OPTIONS)
        return self._channels[token.token]

    def referral(self, token):
        return self.pb.referral_grpc.ReferralServiceStub(self.channel(token))

    def meeting(self, token):
        return self.pb.meeting_grpc.MeetingServiceStub(self.channel(token))

    def assessment(self, token):
        return self.pb.assessment_grpc.AssessmentServiceStub(self.channel(token))

    def reporting(self, token):
        return self.pb.reporting_grpc.ReportingServiceStub(self.channel(token))

    def close(self):
        for channel in self._channels.values():
            channel.close()
        self._channels.clear()

    # ------------------------------------------------------------------------------ event streams

    def lag(self) -> dict[str, int]:
        """For each consumer (service<-source): how far its durable cursor is behind the newest event of the
        kinds it follows in the source's outbox (0: caught up)."""
        sources = {name.split("-")[0]: self.store(name) for name in self.services if name != "reporting-service"}
        lags = {}
        for name in self.services:
            cursors = dict(store_query(self.store(name), "SELECT name, sequence FROM tilts_consumer_cursor"))
            for source, kinds in FOLLOWS[name].items():
                if source in sources:
                    head = store_query(sources[source], "SELECT COALESCE(MAX(sequence), 0) FROM tilts_outbox WHERE kind IN "
                                       f"({','.join('?' * len(kinds))})", kinds)[0][0]
                    lags[f"{name}<-{source}"] = max(0, head - cursors.get(source, 0))
        return lags

    def wait_caught_up(self, timeout: float = 60.0) -> dict[str, int]:
        deadline = time.monotonic() + timeout
        while True:
            lags = self.lag()
            if all(v == 0 for v in lags.values()):
                return lags
            assert time.monotonic() < deadline, f"event consumers did not catch up within {timeout}s: {lags}"
            time.sleep(0.1)

    def event_counts(self, name: str) -> dict[str, int]:
        return dict(store_query(self.store(name), "SELECT kind, COUNT(*) FROM tilts_outbox GROUP BY kind"))


# ----------------------------------------------------------------------------------------- scenario

PILOT_AREAS = ["emotional", "social", "behavioural", "cognitive", "physical", "environment_and_relationships"]
MUNICIPALITIES = ["riga", "cesis", "valmiera"]


@dataclasses.dataclass
class CaseRecord:
    k: int
    length: int
    municipality: str
    admission: dt.date
    terminated: bool
    referral_id: str = ""
    case_id: str = ""
    meetings: list = dataclasses.field(default_factory=list)
    assessments: list = dataclasses.field(default_factory=list)
    sessions: list = dataclasses.field(default_factory=list)


class Scenario:
    """`cases` children scripted through the gateway by `writers` threads (child k by thread k mod writers):
    referral, admission, meetings 1-3 scheduled and minuted, BASELINE and FINAL ratings, sessions, the final
    summary and completion, or early termination for the last child of each cohort. Deterministic: the same
    figures come out of every run. Each write is retried with its own request_id until OK; a step that
    needs another service's events first waits on a read for them (NOT_FOUND meaning "not yet")."""

    def __init__(self, stack: FaultStack, ledger: Ledger, cases: int = 24, writers: int = 8):
        self.stack, self.ledger, self.pb = stack, ledger, stack.pb
        self.writers = writers
        per_cohort = cases // 2
        self.cases = [CaseRecord(k, 40 if k % 2 == 0 else 70, MUNICIPALITIES[k % 3],
                                 TODAY - dt.timedelta(days=110 - k), terminated=k // 2 == per_cohort - 1)
                      for k in range(cases)]
        self.errors: list[BaseException] = []

    def run(self, timeout: float = 180.0) -> None:
        threads = [threading.Thread(target=self._writer, args=(w,), daemon=True) for w in range(self.writers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout)
        assert not any(t.is_alive() for t in threads), "the scenario's writers did not finish"
        if self.errors:
            raise self.errors[0]

    def _writer(self, w: int) -> None:
        try:
            for case in self.cases[w::self.writers]:
                self.script(case)
        except BaseException as err:  # noqa: BLE001 - reported by run()
            self.errors.append(err)

    # ------------------------------------------------------------------------------------- steps

    def script(self, c: CaseRecord) -> None:
        pb, s, L = self.pb, self.stack, self.ledger
        r, m, a = pb.referral, pb.meeting, pb.assessment
        rid = lambda step: f"{step}-{c.k}-{uuid.uuid4()}"  # noqa: E731 - one id per step, reused by its retries
        day = lambda n: c.admission + dt.timedelta(days=n - 1)  # noqa: E731
        sd, centre = s.referral(s.sd[c.municipality]), s.referral(s.centre)
        meeting, assessment = s.meeting(s.centre), s.assessment(s.centre)

        request = r.SubmitReferralRequest(request_id=rid("submit"),
                                          details=details(pb, 5000 + c.k, municipality=c.municipality,
                                                          requested_length=r.REQUESTED_40_DAYS if c.length == 40
                                                          else r.REQUESTED_70_DAYS))
        referral = L.until_ok(f"SubmitReferral#{c.k}", sd.SubmitReferral, request)
        assert referral.status == r.RECEIVED and referral.details.child.personal_code == new_form_code(5000 + c.k), \
            f"SubmitReferral#{c.k} answered OK with another referral: {referral}"
        c.referral_id = referral.referral_id

        request = r.AdmitCaseRequest(request_id=rid("admit"), referral_id=c.referral_id,
                                     admission_date=c.admission.isoformat(), course_length_days=c.length,
                                     pre_placement_meeting_held_on=day(-1).isoformat())
        case = L.until_ok(f"AdmitCase#{c.k}", centre.AdmitCase, request)
        assert case.referral_id == c.referral_id and case.timeline.course_length_days == c.length, case
        c.case_id = case.case_id

        # The meeting and assessment services learn of the admission from referral's events.
        L.until_ok(f"ListDueAndOverdue#{c.k}", meeting.ListDueAndOverdue,
                   m.ListDueAndOverdueRequest(case_id=c.case_id), waiting={NOT_FOUND}, write=False)
        L.until_ok(f"GetCaseRecord#{c.k}", assessment.GetCaseRecord, a.GetCaseRecordRequest(case_id=c.case_id),
                   waiting={NOT_FOUND}, write=False)

        late = c.length == 40 and c.k == 2
        self.hold(c, "MEETING_1", day(11 if late else 8), outside=late)
        self.assess(c, a.BASELINE, day(9), 1 + (c.k * 7) % 3)
        for n, (held, kind, minutes) in enumerate([(12, "psychologist", 45), (15, "psychologist", 45),
                                                   (16, "family_therapy", 90)][:2 if c.length == 40 else 3]):
            session = L.until_ok(f"LogSession#{c.k}.{n}", assessment.LogSession, a.LogSessionRequest(
                request_id=rid(f"session{n}"), case_id=c.case_id, held_on=day(held).isoformat(), service_type=kind,
                specialist_role=a.CLINICAL_PSYCHOLOGIST, minutes=minutes, participants=a.CHILD, note="Sesija"))
            c.sessions.append(session.session_id)
        if c.terminated:
            end = 20 if c.length == 40 else 30
            self.assess(c, a.FINAL, day(end - 1), 2 + (c.k * 5) % 3)
            ended = L.until_ok(f"TerminateCase#{c.k}", centre.TerminateCase, r.TerminateCaseRequest(
                request_id=rid("terminate"), case_id=c.case_id,
                reason=r.RAN_AWAY if c.length == 40 else r.HEALTH_WORSENED, terminated_on=day(end).isoformat()))
            assert ended.case_id == c.case_id and ended.ended_on == day(end).isoformat(), ended
            return
        self.hold(c, "MEETING_2", day(25 if c.length == 40 else 40))
        self.hold(c, "MEETING_3", day(c.length - 6))
        self.assess(c, a.FINAL, day(c.length - 2), 2 + (c.k * 5) % 3 + (1 if c.length == 70 else 0))
        summary = L.until_ok(f"IssueFinalSummary#{c.k}", assessment.IssueFinalSummary, a.IssueFinalSummaryRequest(
            request_id=rid("summary"), case_id=c.case_id, issued_on=day(c.length - 1).isoformat(),
            narrative="Kopsavilkums", destination=a.HOME, follow_up_plan="SD seko līdzi",
            recommendations=[a.Recommendation(addressee=a.ADDRESSEE_SOCIAL_SERVICE, text="Apmeklēt ģimeni")]))
        assert summary.case_id == c.case_id, summary
        # Completion needs the FinalSummaryIssued event in the referral service.
        deadline = time.monotonic() + GIVE_UP
        while not L.until_ok(f"GetCase#{c.k}", centre.GetCase, r.GetCaseRequest(case_id=c.case_id),
                             write=False).final_summary_issued_on:
            assert time.monotonic() < deadline, f"case {c.k}: referral never learned of the final summary"
            time.sleep(0.05)
        done = L.until_ok(f"CompleteCase#{c.k}", centre.CompleteCase, r.CompleteCaseRequest(
            request_id=rid("complete"), case_id=c.case_id, completed_on=day(c.length).isoformat()))
        assert done.case_id == c.case_id and done.status == r.COMPLETED, done

    def hold(self, c: CaseRecord, kind: str, day: dt.date, outside: bool = False) -> None:
        m, cm = self.pb.meeting, self.pb.common
        stub = self.stack.meeting(self.stack.centre)
        starts = int(dt.datetime(day.year, day.month, day.day, 10, tzinfo=RIGA).timestamp())
        request = m.ScheduleMeetingRequest(
            request_id=f"schedule-{kind}-{c.k}-{uuid.uuid4()}", kind=getattr(m, kind), case_id=c.case_id,
            duration_minutes=60, mode=m.IN_PERSON, place="Centrs",
            participants=[m.MeetingParticipant(institution=cm.CENTRE, institution_name="Centrs", person="Dace")])
        request.starts_at.seconds = starts
        if outside:
            request.outside_window_reason = "Speciāliste slima"
        meeting = self.ledger.until_ok(f"ScheduleMeeting#{c.k}.{kind}", stub.ScheduleMeeting, request)
        assert meeting.case_id == c.case_id and meeting.kind == getattr(m, kind), meeting
        c.meetings.append(meeting.meeting_id)
        minutes = m.RecordMinutesRequest(
            request_id=f"minutes-{kind}-{c.k}-{uuid.uuid4()}", meeting_id=meeting.meeting_id, held_on=day.isoformat(),
            attendance=[m.MeetingAttendance(participant_id=p.participant_id, status=m.ATTENDED)
                        for p in meeting.participants],
            decisions=["Turpināt darbu ar ģimeni"], plan_approved=kind == "MEETING_1", finalise=True)
        held = self.ledger.until_ok(f"RecordMinutes#{c.k}.{kind}", stub.RecordMinutes, minutes)
        assert held.meeting_id == meeting.meeting_id, held

    def assess(self, c: CaseRecord, point, day: dt.date, score: int) -> None:
        a = self.pb.assessment
        stub = self.stack.assessment(self.stack.centre)
        got = self.ledger.until_ok(f"RecordAssessment#{c.k}.{point}", stub.RecordAssessment, a.RecordAssessmentRequest(
            request_id=f"assess-{point}-{c.k}-{uuid.uuid4()}", case_id=c.case_id, instrument_id="pilot-mapping",
            time_point=point, assessed_on=day.isoformat(), assessor_role=a.CLINICAL_PSYCHOLOGIST, narrative="Vērtējums",
            ratings=[a.ItemRating(item_id=f"{area}.rating", rating=score) for area in PILOT_AREAS],
            area_narratives=[a.AreaNarrative(area_id=area, text="Novērots") for area in PILOT_AREAS]))
        assert got.case_id == c.case_id and got.time_point == point, got
        c.assessments.append(got.assessment_id)

    # ---------------------------------------------------------------------------------- checking

    def reports(self):
        """The figures to compare between runs: the evaluation as the centre and as LM, quarterly reports."""
        rp, s, L = self.pb.reporting, self.stack, self.ledger
        ministry = s.gateway.mint("MINISTRY", name="LM")
        out = {"evaluation": L.until_ok("GetPilotEvaluation", s.reporting(s.centre).GetPilotEvaluation,
                                        rp.GetPilotEvaluationRequest(), write=False),
               "evaluation-lm": L.until_ok("GetPilotEvaluation(LM)", s.reporting(ministry).GetPilotEvaluation,
                                           rp.GetPilotEvaluationRequest(), write=False)}
        for quarter in (1, 2, 3):
            out[f"quarter-{quarter}"] = L.until_ok(f"GetQuarterlyReport {quarter}", s.reporting(s.centre).GetQuarterlyReport,
                                                   rp.GetQuarterlyReportRequest(quarter=quarter), write=False)
        return out

    def check_exactly_once(self) -> None:
        """Every acknowledged referral, case, meeting, assessment and session is there once, nothing else is."""
        pb, s, L = self.pb, self.stack, self.ledger
        r, m, a = pb.referral, pb.meeting, pb.assessment
        centre = s.referral(s.centre)
        referrals, token = [], ""
        while True:
            page = L.until_ok("ListReferrals", centre.ListReferrals, r.ListReferralsRequest(page_size=100, page_token=token),
                              write=False)
            referrals += [x.referral_id for x in page.referrals]
            token = page.next_page_token
            if not token:
                break
        assert sorted(referrals) == sorted(c.referral_id for c in self.cases), \
            f"{len(referrals)} referrals listed for {len(self.cases)} acknowledged"
        cases = L.until_ok("ListCases", centre.ListCases, r.ListCasesRequest(page_size=100), write=False)
        assert sorted(x.case_id for x in cases.cases) == sorted(c.case_id for c in self.cases)
        assert {x.case_id: x.status for x in cases.cases} == {
            c.case_id: r.TERMINATED_EARLY if c.terminated else r.COMPLETED for c in self.cases}
        meetings, assessment = s.meeting(s.centre), s.assessment(s.centre)
        for c in self.cases:
            listed = L.until_ok(f"ListMeetings#{c.k}", meetings.ListMeetings, m.ListMeetingsRequest(case_id=c.case_id),
                                write=False).meetings
            held = [x.meeting_id for x in listed if x.kind in (m.MEETING_1, m.MEETING_2, m.MEETING_3)]
            assert sorted(held) == sorted(c.meetings), f"case {c.k}: meetings {held} != acknowledged {c.meetings}"
            record = L.until_ok(f"GetCaseRecord#{c.k}", assessment.GetCaseRecord, a.GetCaseRecordRequest(case_id=c.case_id),
                                write=False)
            assert sorted(x.assessment_id for x in record.assessments) == sorted(c.assessments), f"case {c.k}"
            assert sorted(x.session_id for x in record.sessions) == sorted(c.sessions), f"case {c.k}"
            assert len(record.meetings) == len(c.meetings), f"case {c.k}: assessment saw {len(record.meetings)} meetings"
            assert record.final_summary.case_id == ("" if c.terminated else c.case_id)
        # And at the event level: every change published exactly once.
        n, done = len(self.cases), sum(not c.terminated for c in self.cases)
        events = s.event_counts("referral-service")
        assert (events.get("ReferralSubmitted"), events.get("CaseAdmitted")) == (n, n), events
        events = s.event_counts("assessment-service")
        assert (events.get("AssessmentRecorded"), events.get("SessionLogged"), events.get("FinalSummaryIssued")) == (
            2 * n, sum(len(c.sessions) for c in self.cases), done), events
        events = s.event_counts("meeting-service")
        held = sum(len(c.meetings) for c in self.cases)
        assert (events.get("MeetingScheduled"), events.get("MeetingHeld")) == (held, held), events
