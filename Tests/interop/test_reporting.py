"""reporting-service through the real stack, judged by a stock grpcio client.

Starts referral-service (randomized allocation), meeting-service, assessment-service and reporting-service
wired to each other over their Unix sockets, and scripts 12 children through them: referral, admission
(randomized: 6 per cohort, 40 and 70 days), meetings 1-3 scheduled and minuted, BASELINE and FINAL ratings,
sessions, final summaries and completion, or early termination. Covers issue 6's acceptance:

- the evaluation matches figures worked out by hand (the same scores as the unit tests' PilotScenario, so the
  Welch figures are scipy's: t 2.7386, df 10, p 0.02088);
- as LM (MINISTRY) the same report shows suppression; an SD reads only its municipality's quarterly report;
- reporting.sqlite holds none of the names, personal codes or free-text notes sent (its bytes are scanned);
- restarting reporting mid-stream (SIGTERM, then kill -9) changes no figure, and a new store rebuilt from
  sequence 0 of every stream (backfill) gives the same reports;
- agreed actions at the first 40-day child's meeting 1 (one left open past its due day, one done in time, one
  done late) reach the quarterly report's overdue_actions and the snapshot's, counted by hand;
- the SVG export (a server stream of chunks) parses as XML and renders to PNG with rsvg-convert; the CSV and
  JSON exports parse.

Every admission is in the past (day 1 = 100 - n days ago), so the referral service's receipt day (today) is
after it: the referral-to-admission figures are NOT_AVAILABLE here and are covered by the unit tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import time
import uuid
import xml.etree.ElementTree as ET
import zoneinfo

import grpc
import pytest
from google.protobuf import timestamp_pb2

import support
from test_referral import new_form_code, principal

pytestmark = pytest.mark.needs_binaries

RIGA = zoneinfo.ZoneInfo("Europe/Riga")
TODAY = dt.datetime.now(RIGA).date()
SECRET = "interop-reporting-pseudonym-secret"
WAIT = 30.0
PILOT_AREAS = ["emotional", "social", "behavioural", "cognitive", "physical", "environment_and_relationships"]
MUNICIPALITIES = ["riga", "riga", "riga", "cesis", "cesis", "valmiera"]
BASELINE = {40: [2, 3, 2, 1, 3, 2], 70: [1, 2, 2, 1, 2, 1]}
FINAL = {40: [3, 4, 4, 2, 3, 3], 70: [3, 4, 3, 4, 4, 3]}
# scipy.stats.ttest_ind(changes70, changes40, equal_var=False) for changes 2 2 1 3 2 2 versus 1 1 2 1 0 1.
WELCH = dict(t=2.7386127875258306, df=10.0, p=0.020882410865328615, low=0.18639872634230226, high=1.8136012736576976)
HEDGES_G = (1 / 0.4 ** 0.5) * (1 - 3 / 39)
T_975_5 = 2.5705818366147395


def at(day: dt.date, hour: int = 10) -> timestamp_pb2.Timestamp:
    return timestamp_pb2.Timestamp(seconds=int(dt.datetime(day.year, day.month, day.day, hour, tzinfo=RIGA).timestamp()))


def eventually(call, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return call()
        except (grpc.RpcError, AssertionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def shown(count_or_figure):
    assert count_or_figure.disclosure == 1, f"expected SHOWN, got {count_or_figure}"  # SHOWN
    return count_or_figure.value


class Stack:
    """The four services, their stubs and principals, and every sensitive string sent."""

    def __init__(self, pb, launch, directory):
        self.pb, self.launch, self.dir = pb, launch, directory
        self.endpoints = {name: support.make_endpoint("unix", directory, None, name=name[:3]) for name in
                          ("referral-service", "meeting-service", "assessment-service", "reporting-service")}
        sock = {name.split("-")[0]: e.socket_path for name, e in self.endpoints.items()}
        configs = {
            "referral-service": f"capacity = 12\nallocation = randomized\nallocation_seed = 20260301\n"
                                f"meeting_socket = {sock['meeting']}\nassessment_socket = {sock['assessment']}\n",
            "meeting-service": f"referral_socket = {sock['referral']}\n",
            "assessment-service": f"referral_socket = {sock['referral']}\nmeeting_socket = {sock['meeting']}\n",
            "reporting-service": f"referral_socket = {sock['referral']}\nmeeting_socket = {sock['meeting']}\n"
                                 f"assessment_socket = {sock['assessment']}\npseudonym_secret = {SECRET}\n"
                                 f"capacity = 12\ndaily_rate_eur = 95\n",
        }
        self.argv = {}
        for name, text in configs.items():
            (directory / f"{name}.conf").write_text(text)
            self.argv[name] = [str(support.binary(name)), "--socket", str(self.endpoints[name].socket_path),
                               "--data-dir", str(directory / f"{name}-data"), "--config", str(directory / f"{name}.conf")]
        self.procs = {name: launch.start(name, argv, self.endpoints[name]) for name, argv in self.argv.items()}
        channel = lambda name: self.endpoints[name].channel()  # noqa: E731
        self.referral = pb.referral_grpc.ReferralServiceStub(channel("referral-service"))
        self.meeting = pb.meeting_grpc.MeetingServiceStub(channel("meeting-service"))
        self.assessment = pb.assessment_grpc.AssessmentServiceStub(channel("assessment-service"))
        self.connect_reporting()
        c = pb.common
        self.centre = principal(pb, c.CENTRE, "", "centre")
        self.ministry = principal(pb, c.MINISTRY, "", "lm")
        self.fund = principal(pb, c.FUND, "", "lbf")
        self.operator = principal(pb, c.OPERATOR, "", "service:test")
        self.sd = {m: principal(pb, c.SOCIAL_SERVICE, m, f"sd-{m}") for m in set(MUNICIPALITIES)}
        self.sensitive: list[str] = []
        self.cases = []  # (case_id, length, index within cohort, municipality, urgent)
        self.actions = []  # {"id", "held", "due", "done"} of the agreed actions scripted (done: None if open)

    def connect_reporting(self):
        self.reporting = self.pb.reporting_grpc.ReportingServiceStub(self.endpoints["reporting-service"].channel())

    @property
    def reporting_db(self):
        return self.dir / "reporting-service-data" / "reporting.sqlite"

    def stop_reporting(self, kill=False):
        proc = self.procs["reporting-service"]
        if kill:
            proc.proc.send_signal(signal.SIGKILL)
            proc.proc.wait(timeout=10)
            self.launch.started.remove(proc)
        else:
            code = proc.stop()
            assert code == 0, f"reporting-service exited {code}:\n{proc.log_path.read_text(errors='replace')[-4000:]}"
            self.launch.started.remove(proc)

    def start_reporting(self):
        name = "reporting-service"
        self.procs[name] = self.launch.start(name, self.argv[name], self.endpoints[name])
        self.connect_reporting()

    def secret(self, text: str) -> str:
        self.sensitive.append(text)
        return text

    # ------------------------------------------------------------------------------------- scripting

    def child(self, n: int):
        """Submits and admits child n; returns (case_id, length, admission)."""
        r, a = self.pb.referral, self.pb.assessment
        municipality = MUNICIPALITIES[(n - 1) % 6]
        urgent = n == 12
        details = r.ReferralDetails(
            municipality=municipality, social_service=f"{municipality} sociālais dienests",
            contact=r.ContactPerson(name=self.secret(f"Gunta Kontakte{n}ņa"), phone=self.secret(f"+371 2911{n:04d}")),
            child=r.Child(given_name=self.secret(f"Ilzīte{n}"), family_name=self.secret(f"Ābeltiņa{n}Zīle"),
                          birth_date="2016-05-04", sex=r.FEMALE if n % 2 else r.MALE,
                          personal_code=self.secret(new_form_code(7700 + n)), languages=["lv"]),
            legal_representative=r.LegalRepresentative(name=self.secret(f"Rasma Māte{n}ņa"), relationship="mother"),
            consent=r.Consent(given_on=TODAY.isoformat(), form_reference=self.secret(f"PIEKR-{n}-4417")),
            trauma_signs=[self.secret(f"Nakts murgi un bailes {n}")],
            violence_types=[r.EMOTIONAL, r.PHYSICAL] if n % 3 else [r.NEGLECT],
            requested_length=r.CENTRE_DECIDES, urgent=urgent,
            urgency_reason=self.secret(f"Tēvs draud bērnam {n}") if urgent else "",
            notes=self.secret(f"Ģimenē vardarbība kopš {2020 + n % 5}. gada, piezīme {n}"))
        referral = self.referral.SubmitReferral(r.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details),
                                                metadata=self.sd[municipality], timeout=10)
        admission = TODAY - dt.timedelta(days=100 - n)
        request = r.AdmitCaseRequest(request_id=str(uuid.uuid4()), referral_id=referral.referral_id,
                                     admission_date=admission.isoformat())
        if urgent:
            request.urgent_justification = self.secret(f"Steidzami: bērns cietis {n}")
        else:
            request.pre_placement_meeting_held_on = (admission - dt.timedelta(days=2)).isoformat()
        case = self.referral.AdmitCase(request, metadata=self.centre, timeout=10)
        eventually(lambda: self.assessment.GetCaseRecord(a.GetCaseRecordRequest(case_id=case.case_id),
                                                         metadata=self.centre, timeout=5))
        return case.case_id, case.timeline.course_length_days, admission, municipality, urgent

    def hold(self, kind: str, case_id: str, day: dt.date, outside=False, actions=()):
        """Schedules and minutes a meeting; `actions` are (owner institution, due day) agreed at it."""
        m, c = self.pb.meeting, self.pb.common
        request = m.ScheduleMeetingRequest(
            request_id=str(uuid.uuid4()), kind=getattr(m, kind), case_id=case_id, starts_at=at(day),
            duration_minutes=60, mode=m.IN_PERSON, place="Centrs",
            participants=[m.MeetingParticipant(institution=c.CENTRE, institution_name="Centrs",
                                               person=self.secret(f"Speciāliste Dace {case_id[:4]}"))])
        if outside:
            request.outside_window_reason = self.secret(f"Speciāliste slima {case_id[:4]}")
        meeting = eventually(lambda: self.meeting.ScheduleMeeting(request, metadata=self.centre, timeout=10))
        minutes = m.RecordMinutesRequest(
            request_id=str(uuid.uuid4()), meeting_id=meeting.meeting_id, held_on=day.isoformat(),
            attendance=[m.MeetingAttendance(participant_id=p.participant_id, status=m.ATTENDED)
                        for p in meeting.participants],
            reports=[m.MeetingParticipantReport(participant_id=meeting.participants[0].participant_id,
                                                text=self.secret(f"Bērns stāsta par mājām {case_id[:6]}"))],
            decisions=[self.secret(f"Turpināt darbu ar ģimeni {case_id[:6]}")],
            actions=[m.MeetingAgreedAction(description=self.secret(f"Norunātā darbība {i} {case_id[:6]}"),
                                           owner_institution=owner, owner_name=self.secret(f"Atbildīgā Inese {i}"),
                                           due_on=due.isoformat()) for i, (owner, due) in enumerate(actions)],
            plan_approved=kind == "MEETING_1", finalise=True)
        return self.meeting.RecordMinutes(minutes, metadata=self.centre, timeout=10)

    def assess(self, case_id, point, day, score):
        a = self.pb.assessment
        self.assessment.RecordAssessment(a.RecordAssessmentRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, instrument_id="pilot-mapping", time_point=point,
            assessed_on=day.isoformat(), assessor_role=a.CLINICAL_PSYCHOLOGIST,
            narrative=self.secret(f"Kopējais vērtējums {case_id[:6]} {point}"),
            ratings=[a.ItemRating(item_id=f"{area}.rating", rating=score) for area in PILOT_AREAS],
            area_narratives=[a.AreaNarrative(area_id=area, text=self.secret(f"Novērots {area} {case_id[:6]} {point}"))
                             for area in PILOT_AREAS]), metadata=self.centre, timeout=10)

    def session(self, case_id, day, service_type, minutes):
        a = self.pb.assessment
        self.assessment.LogSession(a.LogSessionRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, held_on=day.isoformat(), service_type=service_type,
            specialist_role=a.CLINICAL_PSYCHOLOGIST, minutes=minutes, participants=a.CHILD,
            note=self.secret(f"Sesijā runājām par skolu {case_id[:6]} {day}")), metadata=self.centre, timeout=10)

    def course(self, case_id, length, k, admission):
        """Meetings, ratings, sessions and the end of the k-th child (0-5) of its cohort."""
        a, r = self.pb.assessment, self.pb.referral
        day = lambda n: admission + dt.timedelta(days=n - 1)  # noqa: E731
        late = length == 40 and k == 1
        if length == 40 and k == 0:
            self.agreed_actions(case_id, day(8))
        else:
            self.hold("MEETING_1", case_id, day(11 if late else 8), outside=late)
        self.assess(case_id, a.BASELINE, day(9), BASELINE[length][k])
        self.session(case_id, day(12), "psychologist", 45)
        self.session(case_id, day(15), "psychologist", 45)
        if length == 70:
            self.session(case_id, day(16), "family_therapy", 90)
        if k == 5:  # terminated early: 40-day on day 20 (ran away), 70-day on day 30 (health worsened)
            end = 20 if length == 40 else 30
            self.assess(case_id, a.FINAL, day(end - 1), FINAL[length][k])
            self.referral.TerminateCase(r.TerminateCaseRequest(
                request_id=str(uuid.uuid4()), case_id=case_id, reason=r.RAN_AWAY if length == 40 else r.HEALTH_WORSENED,
                terminated_on=day(end).isoformat(), note=self.secret(f"Pārtraukts, jo {case_id[:6]} aizbēga")),
                metadata=self.centre, timeout=10)
            return
        self.hold("MEETING_2", case_id, day(25 if length == 40 else 40))
        self.hold("MEETING_3", case_id, day(length - 6))
        self.assess(case_id, a.FINAL, day(length - 2), FINAL[length][k])
        self.assessment.IssueFinalSummary(a.IssueFinalSummaryRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, issued_on=day(length - 1).isoformat(),
            narrative=self.secret(f"Bērns kļuvis mierīgāks {case_id[:6]}"),
            recommendations=[a.Recommendation(addressee=a.ADDRESSEE_SOCIAL_SERVICE,
                                              text=self.secret(f"Apmeklēt ģimeni {case_id[:6]}"))],
            destination=a.HOME, follow_up_plan=self.secret(f"SD seko līdzi {case_id[:6]}")),
            metadata=self.centre, timeout=10)
        eventually(lambda: self.referral.CompleteCase(r.CompleteCaseRequest(
            request_id=f"complete-{case_id}", case_id=case_id, completed_on=day(length).isoformat()),
            metadata=self.centre, timeout=10))

    def agreed_actions(self, case_id, held):
        """Meeting 1 with three agreed actions: one left open past its due day (overdue), one done before its
        due day (in time), one done three days late (overdue in the quarter it fell due)."""
        m, c = self.pb.meeting, self.pb.common
        plan = [(c.SOCIAL_SERVICE, held + dt.timedelta(days=2), None),
                (c.CENTRE, held + dt.timedelta(days=5), held + dt.timedelta(days=3)),
                (c.SCHOOL, held + dt.timedelta(days=1), held + dt.timedelta(days=4))]
        meeting = self.hold("MEETING_1", case_id, held, actions=[(owner, due) for owner, due, _ in plan])
        assert len(meeting.minutes.actions) == 3
        for action, (_, due, done) in zip(meeting.minutes.actions, plan):
            if done is not None:
                self.meeting.CompleteAgreedAction(m.CompleteAgreedActionRequest(
                    request_id=str(uuid.uuid4()), meeting_id=meeting.meeting_id, action_id=action.action_id,
                    done_on=done.isoformat()), metadata=self.centre, timeout=10)
            self.actions.append({"id": action.action_id, "held": held, "due": due, "done": done})

    # ----------------------------------------------------------------------------------- reading

    def latest_sequences(self):
        """The newest sequence of each followed stream (read with the operator principal)."""
        stubs = {"referral": self.referral, "meeting": self.meeting, "assessment": self.assessment}
        latest = {}
        for source, stub in stubs.items():
            last = 0
            try:
                for event in stub.WatchEvents(self.pb.common.WatchEventsRequest(after_sequence=0),
                                              metadata=self.operator, timeout=2):
                    last = event.sequence
            except grpc.RpcError as err:
                assert err.code() == grpc.StatusCode.DEADLINE_EXCEEDED, err
            latest[source] = last
        return latest

    def caught_up(self, reporting=None):
        """Waits until reporting has applied every event of every stream."""
        reporting = reporting or self.reporting
        latest = self.latest_sequences()

        def check():
            status = reporting.GetIngestionStatus(self.pb.reporting.GetIngestionStatusRequest(), metadata=self.operator,
                                                  timeout=5)
            cursors = {s.source: s.sequence for s in status.streams}
            assert all(cursors.get(source, 0) >= seq for source, seq in latest.items()), (cursors, latest)
            return status
        return eventually(check)

    def evaluation(self, who=None, reporting=None):
        return (reporting or self.reporting).GetPilotEvaluation(self.pb.reporting.GetPilotEvaluationRequest(),
                                                                metadata=who or self.centre, timeout=10)

    def quarterly(self, quarter, who=None, reporting=None):
        return (reporting or self.reporting).GetQuarterlyReport(
            self.pb.reporting.GetQuarterlyReportRequest(quarter=quarter), metadata=who or self.centre, timeout=10)

    def export(self, report, fmt, who=None, **fields):
        rp = self.pb.reporting
        chunks = list(self.reporting.ExportReport(rp.ExportReportRequest(report=report, format=fmt, **fields),
                                                  metadata=who or self.centre, timeout=20))
        data = b"".join(c.data for c in chunks)
        assert [c.offset for c in chunks] == [sum(len(x.data) for x in chunks[:i]) for i in range(len(chunks))]
        assert chunks[-1].last and chunks[-1].total_size == len(data)
        assert chunks[-1].sha256 == hashlib.sha256(data).hexdigest()
        return chunks[0].filename, chunks[0].content_type, data


@pytest.fixture(scope="module")
def stack(pb):
    directory = support.short_tempdir("tilts-rep-")
    try:
        for launch in support.launcher_scope(pb, directory):
            s = Stack(pb, launch, directory)
            for n in range(1, 13):
                case_id, length, admission, municipality, urgent = s.child(n)
                s.cases.append((case_id, length, admission, municipality, urgent))
                # Mid-stream: stop reporting gracefully after child 4, kill it after child 8; the streams go on.
                if n == 4:
                    s.stop_reporting()
                if n == 6:
                    s.start_reporting()
                if n == 8:
                    s.stop_reporting(kill=True)
                    s.start_reporting()
            cohorts = {40: [], 70: []}
            for case in s.cases:
                cohorts[case[1]].append(case)
            assert [len(cohorts[40]), len(cohorts[70])] == [6, 6], "block randomization balances 12 admissions"
            s.cohorts = cohorts
            for length in (40, 70):
                for k, (case_id, _, admission, _, _) in enumerate(cohorts[length]):
                    s.course(case_id, length, k, admission)
            s.caught_up()
            yield s
    finally:
        support.remove_tree(directory)


# --------------------------------------------------------------------------------------------- tests


def test_evaluation_matches_hand_computed_figures(pb, stack):
    report = stack.evaluation()
    rp, m, a, r = pb.reporting, pb.meeting, pb.assessment, pb.referral
    assert [c.course_length_days for c in report.cohorts] == [40, 70]
    assert not report.suppression_applied
    for cohort in report.cohorts:
        length = cohort.course_length_days
        urgent_here = any(case[4] for case in stack.cohorts[length])
        assert [shown(cohort.referred), shown(cohort.admitted), shown(cohort.in_course), shown(cohort.completed),
                shown(cohort.terminated_early)] == [6, 6, 0, 5, 1]
        reasons = {t.reason: t.children.value for t in cohort.terminations}
        assert reasons[r.RAN_AWAY if length == 40 else r.HEALTH_WORSENED] == 1 and sum(reasons.values()) == 1
        assert cohort.referral_to_admission_median_days.disclosure == rp.NOT_AVAILABLE, "received after admission"
        assert {x.method: x.children.value for x in cohort.allocation}[r.RANDOMIZED] == 6
        changes = [f - b for f, b in zip(FINAL[length], BASELINE[length])]
        mean = sum(changes) / 6
        for area in cohort.areas:
            assert shown(area.baseline_mean) == pytest.approx(sum(BASELINE[length]) / 6, abs=1e-9)
            assert shown(area.final_mean) == pytest.approx(sum(FINAL[length]) / 6, abs=1e-9)
            assert shown(area.paired_children) == 6
            assert shown(area.mean_change) == pytest.approx(mean, abs=1e-9)
            assert shown(area.change_sd) == pytest.approx(0.4 ** 0.5, abs=1e-9)
            half = T_975_5 * (0.4 / 6) ** 0.5
            assert shown(area.change_ci_low) == pytest.approx(mean - half, abs=1e-6)
            assert shown(area.change_ci_high) == pytest.approx(mean + half, abs=1e-6)
            assert shown(area.share_improved) == pytest.approx(sum(c >= 1 for c in changes) / 6, abs=1e-9)
        meetings = {x.kind: x for x in cohort.meetings}
        pre = meetings[m.PRE_PLACEMENT]
        assert [shown(pre.due), shown(pre.held_in_window), shown(pre.missed)] == [6, 5 if urgent_here else 6,
                                                                                 1 if urgent_here else 0]
        one = meetings[m.MEETING_1]
        assert [shown(one.due), shown(one.held_in_window), shown(one.held_late)] == (
            [6, 5, 1] if length == 40 else [6, 6, 0])
        for kind in (m.MEETING_2, m.MEETING_3):
            assert [shown(meetings[kind].due), shown(meetings[kind].held_in_window)] == [5, 5], "terminated: cancelled"
        assert shown(cohort.sessions_per_child) == pytest.approx(2 if length == 40 else 3)
        assert shown(cohort.session_minutes_per_child) == pytest.approx(90 if length == 40 else 180)
        types = {t.service_type: (shown(t.children), shown(t.sessions)) for t in cohort.sessions_by_type}
        assert types == ({"psychologist": (6, 12)} if length == 40 else
                         {"psychologist": (6, 12), "family_therapy": (6, 6)})
        assert shown(cohort.final_summaries) == 5
        assert {d.destination: d.children.value for d in cohort.destinations}[a.HOME] == 5
    assert len(report.comparisons) == 6
    for comparison in report.comparisons:
        assert shown(comparison.difference) == pytest.approx(1.0, abs=1e-9)
        assert shown(comparison.welch_t) == pytest.approx(WELCH["t"], abs=1e-6)
        assert shown(comparison.welch_df) == pytest.approx(WELCH["df"], abs=1e-6)
        assert shown(comparison.p_value) == pytest.approx(WELCH["p"], abs=1e-6)
        assert shown(comparison.difference_ci_low) == pytest.approx(WELCH["low"], abs=1e-6)
        assert shown(comparison.difference_ci_high) == pytest.approx(WELCH["high"], abs=1e-6)
        assert shown(comparison.hedges_g) == pytest.approx(HEDGES_G, abs=1e-6)
    codes = [c.code for c in report.caveats]
    assert codes.count("COHORT_UNDER_10") == 2 and "ALLOCATION_NOT_RANDOMIZED" not in codes
    assert all(c.text_lv and c.text_en for c in report.caveats)


def test_the_ministry_sees_the_same_report_with_suppression(pb, stack):
    rp, m = pb.reporting, pb.meeting
    centre, ministry = stack.evaluation(), stack.evaluation(stack.ministry)
    assert ministry.suppression_applied and "SUPPRESSION_APPLIED" in [c.code for c in ministry.caveats]
    for mine, theirs in zip(centre.cohorts, ministry.cohorts):
        assert shown(theirs.admitted) == 6
        assert theirs.terminated_early.disclosure == rp.SUPPRESSED and theirs.terminated_early.value == 0
        assert theirs.completed.disclosure == rp.SUPPRESSED, "complementary: 6 - 0 - completed would give it away"
        assert [a.mean_change for a in theirs.areas] == [a.mean_change for a in mine.areas], "6 children: shown"
        pre = {x.kind: x for x in theirs.meetings}[m.PRE_PLACEMENT]
        if any(case[4] for case in stack.cohorts[mine.course_length_days]):
            assert pre.missed.disclosure == rp.SUPPRESSED and pre.held_in_window.disclosure == rp.SUPPRESSED
    forty = ministry.cohorts[0]
    assert {x.kind: x for x in forty.meetings}[m.MEETING_1].held_late.disclosure == rp.SUPPRESSED
    assert forty.areas[0].share_improved.disclosure == rp.SUPPRESSED, "5 of 6 improved: 1 did not"
    assert [c.p_value for c in ministry.comparisons] == [c.p_value for c in centre.comparisons]
    # Nothing shown to LM is a count from 1 to 4.
    counts = []

    def walk(message):
        for field, value in message.ListFields():
            if field.message_type is None:
                continue
            items = list(value) if field.is_repeated else [value]
            if field.message_type.full_name == "tilts.reporting.v1.Count":
                counts.extend(items)
            else:
                for item in items:
                    walk(item)
    walk(ministry)
    assert counts and all(not (c.disclosure == rp.SHOWN and 1 <= c.value <= 4) for c in counts)
    assert stack.evaluation(stack.fund).suppression_applied


def test_access_by_institution(pb, stack):
    rp = pb.reporting
    for who in (stack.sd["riga"], principal(pb, pb.common.POLICE, "", "police")):
        with pytest.raises(grpc.RpcError) as info:
            stack.evaluation(who)
        assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as info:
        stack.reporting.GetPilotEvaluation(rp.GetPilotEvaluationRequest(), timeout=5)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.RpcError) as info:
        stack.quarterly(9)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "quarter" in info.value.details()
    with pytest.raises(grpc.RpcError) as info:
        stack.reporting.GetIngestionStatus(rp.GetIngestionStatusRequest(), metadata=stack.ministry, timeout=5)
    assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_quarterly_report_by_municipality_and_for_one_sd(pb, stack):
    rp = pb.reporting
    quarter = next(q for q in range(1, 5) if quarter_window(q)[0] <= stack.cases[0][2] <= quarter_window(q)[1])
    first, last = quarter_window(quarter)
    as_of = min(last, TODAY)
    report = stack.quarterly(quarter)
    expected_admissions, expected_days = {}, {40: 0, 70: 0}
    for case_id, length, admission, municipality, _ in stack.cases:
        if first <= admission <= last:
            expected_admissions[municipality] = expected_admissions.get(municipality, 0) + 1
        k = [c[0] for c in stack.cohorts[length]].index(case_id)
        end = admission + dt.timedelta(days=(length if k < 5 else (20 if length == 40 else 30)) - 1)
        days = (min(end, as_of) - max(admission, first)).days + 1
        expected_days[length] += max(0, days)
    assert {a.municipality: shown(a.admissions) for a in report.municipalities} == expected_admissions
    assert shown(report.total.admissions) == sum(expected_admissions.values())
    assert shown(report.course_days_delivered) == sum(expected_days.values())
    assert [shown(c.course_days) for c in report.course_days_by_cohort] == [expected_days[40], expected_days[70]]
    available = 12 * ((as_of - first).days + 1)
    assert report.bed_days_available == available
    assert shown(report.occupancy) == pytest.approx(sum(expected_days.values()) / available)
    assert shown(report.cost_eur) == pytest.approx(95 * sum(expected_days.values()))
    assert report.overdue_actions_reported
    assert "OVERDUE_ACTIONS_NOT_REPORTED" not in [c.code for c in report.caveats]
    # An SD with 1-4 admissions in the quarter sees its own children only, with small counts hidden. (Which
    # municipality that is depends on where today's date puts the scripted admissions among the quarters.)
    small = sorted(m for m, n in expected_admissions.items() if 1 <= n <= 4)
    assert small, expected_admissions
    mine = stack.quarterly(quarter, who=stack.sd[small[0]])
    assert mine.municipality_scope == small[0] and [a.municipality for a in mine.municipalities] == [small[0]]
    assert mine.suppression_applied and mine.municipalities[0].admissions.disclosure == rp.SUPPRESSED
    assert mine.total.admissions.disclosure == rp.SUPPRESSED


def overdue_in_quarter(action, q):
    """The reporting service's rule (AgreedActionFacts), written out again: as of X = min(quarter end, today),
    an action known by X is overdue in the quarter when it fell due in it (before today) and was not done by its
    due day, or fell due before it and is still not done at X."""
    first, last = quarter_window(q)
    as_of = min(last, TODAY)
    due, done = action["due"], action["done"]
    if as_of < first or action["held"] > as_of:
        return False
    if due >= first:
        return due <= as_of and due < TODAY and (done is None or done > due)
    return done is None or done > as_of


def test_overdue_agreed_actions_reach_the_quarterly_report_and_the_snapshot(pb, stack):
    rp = pb.reporting
    open_, in_time, late = stack.actions  # held on the first 40-day child's day 8; due +2, +5, +1
    assert open_["done"] is None and in_time["done"] < in_time["due"] and late["done"] > late["due"]
    quarter = next(q for q in range(1, 5) if quarter_window(q)[0] <= open_["due"] <= quarter_window(q)[1])
    # By hand: in the quarter the open action fell due it is overdue, the one done in time never is, and the late
    # one is overdue in the quarter it fell due (the same quarter unless the two due days, a day apart, straddle
    # a quarter's start: then the late one counts in the quarter before).
    late_here = quarter_window(quarter)[0] <= late["due"]
    expected = 2 if late_here else 1
    assert [overdue_in_quarter(a, quarter) for a in stack.actions] == [True, False, late_here]
    report = stack.quarterly(quarter)
    assert report.overdue_actions_reported and shown(report.overdue_actions) == expected
    # Every quarter of the pilot agrees with the rule (later quarters carry the open action while it stays open).
    for q in range(1, 5):
        assert stack.quarterly(q).overdue_actions.value == sum(overdue_in_quarter(a, q) for a in stack.actions), q
    # One or two actions: suppressed for LM (a count from 1 to 4).
    ministry = stack.quarterly(quarter, who=stack.ministry)
    assert ministry.overdue_actions.disclosure == rp.SUPPRESSED and ministry.overdue_actions.value == 0
    # The snapshot: the open action is past due today; on its due day nothing is, the day after both open ones are.
    def snapshot(day):
        return stack.reporting.GetOperationalSnapshot(rp.GetOperationalSnapshotRequest(as_of=day.isoformat()),
                                                      metadata=stack.centre, timeout=10).overdue_actions
    assert shown(snapshot(TODAY)) == 1
    assert shown(snapshot(open_["due"])) == 1, "the late one (due the day before) was still open"
    assert shown(snapshot(late["due"])) == 0
    assert shown(snapshot(open_["due"] + dt.timedelta(days=2))) == 1, "the late one was done that day"
    # The action ids reach the analytical store only as keys.
    blobs = b"".join(p.read_bytes() for p in stack.reporting_db.parent.glob("reporting.sqlite*"))
    assert not [a["id"] for a in stack.actions if a["id"].encode() in blobs]


def quarter_window(q):
    start = dt.date(2026, 3, 1)
    month = start.month - 1 + 3 * (q - 1)
    first = dt.date(start.year + month // 12, month % 12 + 1, 1)
    month += 3
    return first, dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def test_operational_snapshot(pb, stack):
    snapshot = stack.reporting.GetOperationalSnapshot(pb.reporting.GetOperationalSnapshotRequest(),
                                                      metadata=stack.centre, timeout=10)
    assert snapshot.as_of == TODAY.isoformat() and snapshot.capacity == 12
    assert shown(snapshot.in_course) == 0 and shown(snapshot.waiting) == 0
    # Five days after the last admission every child is in course (the first to end does so on its day 20).
    day = stack.cases[-1][2] + dt.timedelta(days=5)
    snapshot = stack.reporting.GetOperationalSnapshot(pb.reporting.GetOperationalSnapshotRequest(as_of=day.isoformat()),
                                                      metadata=stack.centre, timeout=10)
    assert shown(snapshot.in_course) == 12
    assert [shown(c.children) for c in snapshot.in_course_by_cohort] == [6, 6]
    assert {s.step: shown(s.children) for s in snapshot.overdue}["mapping"] == 0, "every BASELINE is on day 9"


def test_exports_svg_renders_and_csv_json_parse(pb, stack, tmp_dir):
    rp = pb.reporting
    name, content_type, svg = stack.export(rp.PILOT_EVALUATION, rp.SVG, who=stack.ministry)
    assert name.endswith(".svg") and content_type == "image/svg+xml"
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = " ".join(t for t in root.itertext())
    assert "Emocionālā joma" in text and "Emotional" in text and "70 dienu kurss / 70-day course" in text
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) >= 14
    (tmp_dir / "chart.svg").write_bytes(svg)
    png = support.render_svg_to_png(tmp_dir / "chart.svg", tmp_dir / "chart.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    keep = os.environ.get("TILTS_REPORTING_ARTIFACTS")  # a folder to keep the chart in, for a look
    if keep:
        for name in ("chart.svg", "chart.png"):
            shutil.copy(tmp_dir / name, keep)

    _, content_type, data = stack.export(rp.PILOT_EVALUATION, rp.CSV)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["section", "group", "item", "measure", "value", "disclosure"]
    assert ["cohort", "40", "", "admitted", "6", "SHOWN"] in rows
    _, content_type, data = stack.export(rp.PILOT_EVALUATION, rp.JSON)
    assert content_type == "application/json" and json.loads(data)["cohorts"][0]["courseLengthDays"] == 40
    _, _, data = stack.export(rp.QUARTERLY_REPORT, rp.CSV, who=stack.sd["riga"], quarter=2)
    assert "riga" in data.decode() and "cesis" not in data.decode()
    with pytest.raises(grpc.RpcError) as info:
        stack.export(rp.QUARTERLY_REPORT, rp.SVG, quarter=2)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_the_store_holds_no_names_codes_or_notes(stack):
    assert len(stack.sensitive) > 100
    blobs = b"".join(p.read_bytes() for p in stack.reporting_db.parent.glob("reporting.sqlite*"))
    leaked = [s for s in stack.sensitive if s.encode("utf-8") in blobs]
    assert not leaked, f"reporting.sqlite holds {leaked[:5]}"
    # The scan finds what is there: the referral store does hold the names.
    referral = b"".join(p.read_bytes() for p in (stack.dir / "referral-service-data").glob("referral.sqlite*"))
    assert stack.sensitive[2].encode() in referral or any(s.encode() in referral for s in stack.sensitive[:20])
    for case_id, *_ in stack.cases:
        assert case_id.encode() not in blobs, "case ids are stored only as keys"


def test_restarts_and_a_rebuilt_store_change_no_figure(pb, stack):
    before = (stack.evaluation(), stack.evaluation(stack.ministry), stack.quarterly(2), stack.quarterly(3))
    stack.stop_reporting()
    stack.start_reporting()
    stack.caught_up()
    after = (stack.evaluation(), stack.evaluation(stack.ministry), stack.quarterly(2), stack.quarterly(3))
    assert after == before
    # Backfill: a second reporting-service with an empty store reads every stream from sequence 0.
    endpoint = support.make_endpoint("unix", stack.dir, None, name="b")
    argv = [str(support.binary("reporting-service")), "--socket", str(endpoint.socket_path), "--data-dir",
            str(stack.dir / "backfill-data"), "--config", str(stack.dir / "reporting-service.conf")]
    proc = stack.launch.start("reporting-service", argv, endpoint)
    rebuilt = pb.reporting_grpc.ReportingServiceStub(endpoint.channel())
    status = stack.caught_up(rebuilt)
    assert status.cases == 12 and status.referrals == 12
    # Killed mid-way through nothing: restart it once more and compare again.
    proc.proc.send_signal(signal.SIGKILL)
    proc.proc.wait(timeout=10)
    stack.launch.started.remove(proc)
    stack.launch.start("reporting-service", argv, endpoint)
    rebuilt = pb.reporting_grpc.ReportingServiceStub(endpoint.channel())
    stack.caught_up(rebuilt)
    assert (stack.evaluation(reporting=rebuilt), stack.evaluation(stack.ministry, reporting=rebuilt),
            stack.quarterly(2, reporting=rebuilt), stack.quarterly(3, reporting=rebuilt)) == before
