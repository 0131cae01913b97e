"""assessment-service through the real gRPC stack, judged by a stock grpcio client.

Covers issue 5's acceptance: a case admitted by the real referral-service becomes known to the
assessment service through its events; observations, BASELINE, draft plan; approval refused before
meeting 1 is held and granted after; sessions, MID, FINAL, the final summary issued, and then the
referral service completes the case. An issued summary and an approved plan version refuse changes;
the rendered HTML is parsed; bad input (a rating out of scale, an unknown item, a case not admitted,
an instrument version that does not exist) gets a clear status each.

Meeting 1 reaches the assessment service as a `tilts.meeting.v1.MeetingHeld` event. The main path
serves those events from a small in-test WatchEvents server, so each step's timing is the test's;
`test_plan_approval_through_the_meeting_service` holds meeting 1 through the real meeting-service
(skipped only when that binary is not built).
"""

from __future__ import annotations

import importlib
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import grpc
import pytest

import support
from test_referral import details, principal

pytestmark = pytest.mark.needs_binaries

XHTML = "{http://www.w3.org/1999/xhtml}"
FIXTURE_INSTRUMENTS = support.REPO_ROOT / "Tests" / "AssessmentServiceTests" / "Fixtures" / "instruments"
PILOT_AREAS = ["emotional", "social", "behavioural", "cognitive", "physical", "environment_and_relationships"]
MEETING_1 = 2  # tilts.meeting.v1.MeetingKind.MEETING_1
WAIT = 15.0


def today_in_riga() -> date:
    return datetime.now(ZoneInfo("Europe/Riga")).date()


def code_of(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value


def eventually(call, timeout=WAIT):
    """Retries `call` while it fails (an event may still be on its way); returns its result."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return call()
        except grpc.RpcError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# ------------------------------------------------------------------------------- fake meeting events


class FakeMeetingEvents:
    """Serves tilts.meeting.v1.MeetingService/WatchEvents on a Unix socket: history, then live."""

    def __init__(self, pb, socket_path):
        self.pb = pb
        self.events = []
        self.changed = threading.Condition()
        self.stopped = False
        handler = grpc.method_handlers_generic_handler("tilts.meeting.v1.MeetingService", {
            "WatchEvents": grpc.unary_stream_rpc_method_handler(
                self._watch, request_deserializer=pb.common.WatchEventsRequest.FromString,
                response_serializer=pb.common.Event.SerializeToString)})
        self.server = grpc.server(ThreadPoolExecutor(max_workers=4))
        self.server.add_generic_rpc_handlers((handler,))
        self.server.add_insecure_port(f"unix:{socket_path}")
        self.server.start()

    def _watch(self, request, context):
        after = request.after_sequence
        while context.is_active() and not self.stopped:
            with self.changed:
                pending = [e for e in self.events if e.sequence > after and (not request.kinds or e.kind in request.kinds)]
                if not pending:
                    self.changed.wait(timeout=0.2)
                    continue
            for event in pending:
                yield event
                after = event.sequence

    def hold(self, case_id, held_on, kind=MEETING_1, plan_approved=True):
        with self.changed:
            meeting_id = str(uuid.uuid4())
            self.events.append(self.pb.common.Event(
                sequence=len(self.events) + 1, event_id=str(uuid.uuid4()), case_id=case_id, kind="MeetingHeld",
                source="meeting", payload=self.pb.meeting.MeetingHeld(
                    meeting_id=meeting_id, kind=kind, case_id=case_id, held_on=held_on, plan_approved=plan_approved,
                    municipality="riga", held_in_window=True).SerializeToString()))
            self.changed.notify_all()
            return meeting_id

    def stop(self):
        self.stopped = True
        with self.changed:
            self.changed.notify_all()
        self.server.stop(grace=0)


# ------------------------------------------------------------------------------------------ services


class Stack:
    """referral-service and assessment-service following each other's events, plus stubs."""

    def __init__(self, pb, launch, tmp_dir, meeting_socket=None):
        self.pb = pb
        self.dir = tmp_dir
        self.ref_endpoint = support.make_endpoint("unix", tmp_dir, None, name="r")
        self.asm_endpoint = support.make_endpoint("unix", tmp_dir, None, name="a")
        (tmp_dir / "referral.conf").write_text(
            f"capacity = 4\nallocation = requested\nassessment_socket = {self.asm_endpoint.socket_path}\n")
        lines = [f"referral_socket = {self.ref_endpoint.socket_path}", f"instruments_dir = {FIXTURE_INSTRUMENTS}"]
        if meeting_socket:
            lines.append(f"meeting_socket = {meeting_socket}")
        (tmp_dir / "assessment.conf").write_text("\n".join(lines) + "\n")
        self.launch = launch
        self.argv = {
            "referral-service": [
                str(support.binary("referral-service")), "--socket", str(self.ref_endpoint.socket_path),
                "--data-dir", str(tmp_dir / "referral-data"), "--config", str(tmp_dir / "referral.conf")],
            "assessment-service": [
                str(support.binary("assessment-service")), "--socket", str(self.asm_endpoint.socket_path),
                "--data-dir", str(tmp_dir / "assessment-data"), "--config", str(tmp_dir / "assessment.conf")],
        }
        self.endpoints = {"referral-service": self.ref_endpoint, "assessment-service": self.asm_endpoint}
        self.procs = {name: launch.start(name, argv, self.endpoints[name]) for name, argv in self.argv.items()}
        self.referral = pb.referral_grpc.ReferralServiceStub(self.ref_endpoint.channel())
        self.assessment = pb.assessment_grpc.AssessmentServiceStub(self.asm_endpoint.channel())
        c = pb.common
        self.centre = principal(pb, c.CENTRE, "", "centre-staff")
        self.sd = principal(pb, c.SOCIAL_SERVICE, "riga")
        self.bt = principal(pb, c.ORPHANS_COURT, "riga")
        self.sd_other = principal(pb, c.SOCIAL_SERVICE, "cesis")
        self.ministry = principal(pb, c.MINISTRY, "", "lm")
        self.operator = principal(pb, c.OPERATOR, "", "service:test")
        self.admission = today_in_riga() - timedelta(days=35)

    def stop(self, name):
        assert self.procs[name].stop() == 0, self.procs[name].log_tail()

    def start(self, name):
        self.procs[name] = self.launch.start(name, self.argv[name], self.endpoints[name])

    def day(self, n: int) -> str:
        """Course day n (day 1 is the admission day) as YYYY-MM-DD."""
        return (self.admission + timedelta(days=n - 1)).isoformat()

    def admit(self, n: int = 1) -> str:
        """Submits and admits a child (40 days from self.admission); waits until assessment knows the case."""
        r = self.pb.referral
        referral = self.referral.SubmitReferral(
            r.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details(self.pb, n)),
            metadata=self.sd, timeout=10)
        case = self.referral.AdmitCase(
            r.AdmitCaseRequest(request_id=str(uuid.uuid4()), referral_id=referral.referral_id,
                               admission_date=self.admission.isoformat(), course_length_days=40,
                               pre_placement_meeting_held_on=(self.admission - timedelta(days=3)).isoformat()),
            metadata=self.centre, timeout=10)
        eventually(lambda: self.assessment.GetCaseRecord(
            self.pb.assessment.GetCaseRecordRequest(case_id=case.case_id), metadata=self.centre, timeout=5))
        return case.case_id

    def assess(self, case_id, time_point, day, ratings=(3, 3, 3, 3, 3, 3), instrument_id="pilot-mapping",
               area_narratives=None, **fields):
        """RecordAssessment; `ratings` are the six pilot areas' ratings or a list of ItemRating."""
        a = self.pb.assessment
        if ratings and not isinstance(ratings[0], int):
            items = list(ratings)
        else:
            items = [a.ItemRating(item_id=f"{area}.rating", rating=v) for area, v in zip(PILOT_AREAS, ratings)]
        if area_narratives is None:
            area_narratives = [a.AreaNarrative(area_id=area, text=f"Novērojumi: {area}") for area in PILOT_AREAS]
        request = a.RecordAssessmentRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, instrument_id=instrument_id, time_point=time_point,
            assessed_on=day, assessor_role=a.CLINICAL_PSYCHOLOGIST, narrative="Kopējais novērtējums",
            ratings=items, area_narratives=area_narratives, **fields)
        return self.assessment.RecordAssessment(request, metadata=self.centre, timeout=10)

    def plan_request(self, case_id, **fields):
        a = self.pb.assessment
        return a.DraftPlanRequest(
            request_id=str(uuid.uuid4()), case_id=case_id,
            goals=[a.PlanGoal(area=a.EMOTIONAL, description="Mazināt trauksmi", indicator="Emocionālā joma ≥ 4"),
                   a.PlanGoal(area=a.ENVIRONMENT_AND_RELATIONSHIPS, description="Stiprināt saikni ar māti",
                              indicator="Kopīgas nodarbības reizi nedēļā")],
            interventions=[
                a.PlanIntervention(service_type="psychologist", specialist_role=a.CLINICAL_PSYCHOLOGIST,
                                   frequency=a.InterventionFrequency(times=2, period=a.PER_WEEK), minutes_per_session=45,
                                   goal_ids=["g1"]),
                a.PlanIntervention(service_type="family_therapy", specialist_role=a.SOCIAL_WORKER,
                                   frequency=a.InterventionFrequency(times=1, period=a.PER_WEEK), minutes_per_session=60,
                                   goal_ids=["g2"])],
            **fields)


@pytest.fixture
def meetings(pb, tmp_dir):
    fake = FakeMeetingEvents(pb, tmp_dir / "m.sock")
    yield fake
    fake.stop()


@pytest.fixture
def stack(pb, launch, tmp_dir, meetings):
    return Stack(pb, launch, tmp_dir, meeting_socket=tmp_dir / "m.sock")


def parse_html(text: str) -> ET.Element:
    return ET.fromstring(text)


def text_of(element) -> str:
    return "".join(element.itertext())


# --------------------------------------------------------------------------------------------- tests


def test_whole_path_from_admission_to_completion(pb, stack, meetings):
    a, s = pb.assessment, stack
    case_id = s.admit()

    # Mapping: observations and the BASELINE by day 10.
    for day, area in [(2, a.EMOTIONAL), (3, a.SOCIAL)]:
        observation = s.assessment.RecordObservation(a.RecordObservationRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, observed_on=s.day(day), area=area,
            observer_role=a.SOCIAL_EDUCATOR, note="Bērns sākumā ir noslēgts"), metadata=s.centre, timeout=10)
        assert observation.course_day == day
    baseline = s.assess(case_id, a.BASELINE, s.day(9), ratings=(2, 2, 3, 2, 4, 2))
    assert [score.score for score in baseline.scores] == [2, 2, 3, 2, 4, 2]
    assert baseline.scores[0].band_code == "MARKED"

    # The plan: approval is refused until meeting 1 is held with the plan approved.
    draft = s.assessment.DraftPlan(s.plan_request(case_id), metadata=s.centre, timeout=10)
    assert (draft.version, draft.status) == (1, a.DRAFT)
    assert [i.intervention_id for i in draft.interventions] == ["i1", "i2"]
    approve = a.ApprovePlanRequest(request_id=str(uuid.uuid4()), case_id=case_id, version=1)
    err = code_of(lambda: s.assessment.ApprovePlan(approve, metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "meeting 1" in err.details()
    meeting_id = meetings.hold(case_id, s.day(8))
    approved = eventually(lambda: s.assessment.ApprovePlan(approve, metadata=s.centre, timeout=10))
    assert (approved.status, approved.approved_on, approved.approved_at_meeting_id) == (a.APPROVED, s.day(8), meeting_id)

    # An approved version never changes; a revision is a new version.
    err = code_of(lambda: s.assessment.UpdatePlan(a.UpdatePlanRequest(
        request_id=str(uuid.uuid4()), case_id=case_id, version=1, goals=draft.goals, interventions=draft.interventions),
        metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "immutable" in err.details()
    revision = s.assessment.DraftPlan(s.plan_request(case_id, revision_note="Pēc 2. sanāksmes"), metadata=s.centre,
                                      timeout=10)
    assert (revision.version, revision.status) == (2, a.DRAFT)

    # Sessions, MID and FINAL.
    for day, intervention, minutes in [(11, "i1", 45), (14, "i2", 60), (18, "i1", 45)]:
        session = s.assessment.LogSession(a.LogSessionRequest(
            request_id=str(uuid.uuid4()), case_id=case_id, held_on=s.day(day), intervention_id=intervention,
            specialist_role=a.CLINICAL_PSYCHOLOGIST, minutes=minutes, participants=a.CHILD_AND_PARENT),
            metadata=s.centre, timeout=10)
        assert session.service_type == {"i1": "psychologist", "i2": "family_therapy"}[intervention]
    s.assess(case_id, a.MID, s.day(25), ratings=(3, 2, 3, 3, 4, 3))
    s.assess(case_id, a.FINAL, s.day(34), ratings=(4, 3, 2, 3, 5, 4))

    # The final summary, with its dynamics computed by the service.
    recommendations = [
        a.Recommendation(addressee=a.ADDRESSEE_SOCIAL_SERVICE, text="Turpināt psihologa konsultācijas reizi nedēļā"),
        a.Recommendation(addressee=a.ADDRESSEE_ORPHANS_COURT, text="Izvērtēt saskarsmes kārtību ar tēvu"),
        a.Recommendation(addressee=a.ADDRESSEE_SCHOOL, text="Individuāls atbalsts <matemātikā> & sportā"),
        a.Recommendation(addressee=a.ADDRESSEE_FAMILY, text="Ievērot dienas režīmu"),
    ]
    issue = a.IssueFinalSummaryRequest(
        request_id=str(uuid.uuid4()), case_id=case_id, narrative="Bērns kursa laikā kļuvis mierīgāks.",
        recommendations=recommendations, destination=a.HOME, follow_up_plan="SD apmeklē ģimeni mēneša laikā.")
    summary = s.assessment.IssueFinalSummary(issue, metadata=s.centre, timeout=10)
    assert [d.area_id for d in summary.dynamics] == PILOT_AREAS
    assert [d.change for d in summary.dynamics] == [2, 1, -1, 1, 1, 2]
    assert [d.trend for d in summary.dynamics] == [a.IMPROVED, a.IMPROVED, a.WORSENED, a.IMPROVED, a.IMPROVED,
                                                   a.IMPROVED]
    assert all(d.HasField("mid") for d in summary.dynamics)
    assert (summary.sessions_logged, summary.session_minutes, summary.plan_version) == (3, 150, 1)
    assert summary.issued_on == today_in_riga().isoformat()
    assert s.assessment.IssueFinalSummary(issue, metadata=s.centre, timeout=10) == summary, "a retry returns the first"

    # Issued: the summary and the case's record refuse changes.
    issue_again = a.IssueFinalSummaryRequest()
    issue_again.CopyFrom(issue)
    issue_again.request_id = str(uuid.uuid4())
    issue_again.narrative = "Cits teksts"
    err = code_of(lambda: s.assessment.IssueFinalSummary(issue_again, metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.ALREADY_EXISTS and "immutable" in err.details()
    err = code_of(lambda: s.assess(case_id, a.FINAL, s.day(35)))
    assert err.code() in (grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.ALREADY_EXISTS)
    err = code_of(lambda: s.assessment.UpdatePlan(a.UpdatePlanRequest(
        request_id=str(uuid.uuid4()), case_id=case_id, version=2, goals=draft.goals, interventions=draft.interventions),
        metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert s.assessment.GetFinalSummary(a.GetFinalSummaryRequest(case_id=case_id), metadata=s.centre) == summary

    # The rendered document: parsed, every area's dynamics and every recommendation present.
    rendered = s.assessment.RenderFinalSummary(a.RenderFinalSummaryRequest(case_id=case_id), metadata=s.sd, timeout=10)
    root = parse_html(rendered.html)
    assert root.tag == f"{XHTML}html"
    assert "@media print" in text_of(root.find(f"{XHTML}head/{XHTML}style"))
    rows = root.findall(f".//{XHTML}table[@id='dynamics']/{XHTML}tbody/{XHTML}tr")
    assert [row.get("data-area") for row in rows] == PILOT_AREAS
    for row, dynamics in zip(rows, summary.dynamics):
        cells = {td.get("class"): text_of(td) for td in row.findall(f"{XHTML}td")}
        assert text_of(row.find(f"{XHTML}th")) == dynamics.area_name
        assert cells["baseline"].startswith(str(dynamics.baseline.score))
        assert cells["mid"].startswith(str(dynamics.mid.score))
        assert cells["final"].startswith(str(getattr(dynamics, "final").score))
        assert cells["change"] == (f"+{dynamics.change}" if dynamics.change > 0 else str(dynamics.change))
    items = root.findall(f".//{XHTML}section[@id='recommendations']//{XHTML}li")
    assert sorted(text_of(li) for li in items) == sorted(r.text for r in recommendations)
    assert rendered.markdown.startswith("# ")

    # Who sees what: the child's SD and BT read the approved plan and the summary only.
    plan_for_sd = s.assessment.GetPlan(a.GetPlanRequest(case_id=case_id), metadata=s.sd, timeout=10)
    assert (plan_for_sd.version, plan_for_sd.status) == (1, a.APPROVED), "SD sees the approved version, not the draft"
    assert s.assessment.GetFinalSummary(a.GetFinalSummaryRequest(case_id=case_id), metadata=s.bt).case_id == case_id
    err = code_of(lambda: s.assessment.GetCaseRecord(a.GetCaseRecordRequest(case_id=case_id), metadata=s.sd))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    err = code_of(lambda: s.assessment.GetFinalSummary(a.GetFinalSummaryRequest(case_id=case_id), metadata=s.sd_other))
    assert err.code() == grpc.StatusCode.NOT_FOUND
    err = code_of(lambda: s.assessment.GetFinalSummary(a.GetFinalSummaryRequest(case_id=case_id), metadata=s.ministry))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED

    # The events other services rely on.
    events = _events(s, 8)
    assert [e.kind for e in events] == ["AssessmentRecorded", "PlanApproved", "SessionLogged", "SessionLogged",
                                        "SessionLogged", "AssessmentRecorded", "AssessmentRecorded",
                                        "FinalSummaryIssued"]
    issued = a.FinalSummaryIssued.FromString(events[-1].payload)
    assert (issued.case_id, issued.issued_on, issued.destination) == (case_id, summary.issued_on, a.HOME)
    assert all(e.source == "assessment" and e.case_id == case_id for e in events)
    err = code_of(lambda: list(s.assessment.WatchEvents(pb.common.WatchEventsRequest(), metadata=s.centre, timeout=3)))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED

    # The referral service learns of the summary and completes the case; assessment then closes it.
    completed = eventually(lambda: s.referral.CompleteCase(pb.referral.CompleteCaseRequest(
        request_id="complete-" + case_id, case_id=case_id), metadata=s.centre, timeout=10))
    assert completed.status == pb.referral.COMPLETED
    assert completed.final_summary_issued_on == summary.issued_on

    def ended():
        record = s.assessment.GetCaseRecord(a.GetCaseRecordRequest(case_id=case_id), metadata=s.centre, timeout=5)
        assert record.status == a.ENDED
        return record
    deadline = time.monotonic() + WAIT
    while True:
        try:
            record = ended()
            break
        except AssertionError:
            assert time.monotonic() < deadline, "CaseEnded never reached the assessment service"
            time.sleep(0.1)
    assert len(record.observations) == 2 and len(record.assessments) == 3 and len(record.sessions) == 3
    assert [p.version for p in record.plan_versions] == [1, 2]
    assert record.meetings[0].meeting_id == meeting_id


def _events(stack, count):
    """The first `count` events of the assessment service, read as another service would."""
    stream = stack.assessment.WatchEvents(stack.pb.common.WatchEventsRequest(), metadata=stack.operator, timeout=10)
    events = []
    for event in stream:
        events.append(event)
        if len(events) == count:
            stream.cancel()
            break
    return events


def test_bad_input_gets_a_clear_status(pb, stack):
    a, s = pb.assessment, stack
    case_id = s.admit(2)

    err = code_of(lambda: s.assess(case_id, a.BASELINE, s.day(5), ratings=(3, 3, 6, 3, 0, 3)))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "ratings[2].rating" in err.details() and "ratings[4].rating" in err.details()

    err = code_of(lambda: s.assess(case_id, a.BASELINE, s.day(5),
                                   ratings=[a.ItemRating(item_id="happiness.rating", rating=3)]))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "ratings[0].item_id" in err.details()

    err = code_of(lambda: s.assess(str(uuid.uuid4()), a.BASELINE, s.day(5)))
    assert err.code() == grpc.StatusCode.NOT_FOUND
    assert "not an admitted case" in err.details()

    err = code_of(lambda: s.assess(case_id, a.BASELINE, s.day(5), instrument_version=9))
    assert err.code() == grpc.StatusCode.NOT_FOUND
    assert "version 9" in err.details() and "versions: 1" in err.details()

    err = code_of(lambda: s.assess(case_id, a.BASELINE, s.day(12)))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "late_reason" in err.details()
    late = s.assess(case_id, a.BASELINE, s.day(12), late_reason="Bērns slimoja")
    assert late.late_reason == "Bērns slimoja" and late.course_day == 12

    err = code_of(lambda: s.assessment.DraftPlan(a.DraftPlanRequest(
        request_id="x", case_id=case_id, goals=[a.PlanGoal(area=a.EMOTIONAL)],
        interventions=[a.PlanIntervention(service_type="astrology")]), metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    for field in ["goals[0].description", "goals[0].indicator", "interventions[0].service_type",
                  "interventions[0].specialist_role", "interventions[0].frequency"]:
        assert field in err.details(), f"{field} not named in {err.details()}"

    err = code_of(lambda: s.assessment.RecordObservation(a.RecordObservationRequest(
        request_id="y", case_id=case_id), metadata=s.ministry, timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    err = code_of(lambda: s.assessment.ListServiceTypes(a.ListServiceTypesRequest(), timeout=10))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED
    err = code_of(lambda: s.assessment.RecordObservation(a.RecordObservationRequest(
        request_id="z", case_id=case_id, observed_on=s.day(2), area=a.SOCIAL, observer_role=a.SOCIAL_WORKER,
        note="x"), metadata=s.sd, timeout=10))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED, "SD and BT never write here"


def test_instruments_and_catalogue(pb, stack):
    a, s = pb.assessment, stack
    listed = s.assessment.ListInstruments(a.ListInstrumentsRequest(), metadata=s.sd, timeout=10)
    assert [(i.instrument_id, i.version) for i in listed.instruments] == [("example-questionnaire", 1),
                                                                         ("pilot-mapping", 1)]
    pilot = s.assessment.GetInstrument(a.GetInstrumentRequest(instrument_id="pilot-mapping"), metadata=s.centre)
    assert [area.area_id for area in pilot.areas] == PILOT_AREAS
    assert [anchor.value for anchor in pilot.scales[0].anchors] == [1, 2, 3, 4, 5]
    err = code_of(lambda: s.assessment.GetInstrument(a.GetInstrumentRequest(instrument_id="pilot-mapping", version=2),
                                                     metadata=s.centre))
    assert err.code() == grpc.StatusCode.NOT_FOUND

    first = s.assessment.ListServiceTypes(a.ListServiceTypesRequest(page_size=25), metadata=s.centre, timeout=10)
    rest = s.assessment.ListServiceTypes(a.ListServiceTypesRequest(page_size=25, page_token=first.next_page_token),
                                         metadata=s.centre, timeout=10)
    types = list(first.service_types) + list(rest.service_types)
    assert rest.next_page_token == ""
    tsv = (support.REPO_ROOT / "Tests" / "AssessmentServiceTests" / "Fixtures" / "rehabilitation-services.tsv")
    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()[1:] if line]
    assert [[t.code, t.name_lv, t.name_en] for t in types] == rows
    assert len(types) == 40

    # A loaded instrument scores with its own rules: reverse-scored items, proration, bands.
    case_id = s.admit(3)
    scored = s.assess(case_id, a.BASELINE, s.day(4), instrument_id="example-questionnaire",
                      ratings=[a.ItemRating(item_id="w1", rating=2), a.ItemRating(item_id="w3", rating=1),
                               a.ItemRating(item_id="f1", rating=2), a.ItemRating(item_id="f2", rating=0)],
                      area_narratives=[])
    worries, friends = scored.scores
    assert (worries.raw_sum, worries.score, worries.prorated, worries.band_code) == (3, 5, True, "HIGH")
    assert (friends.score, friends.band_code) == (4, "TYPICAL")


def test_restarts_neither_lose_nor_repeat_facts(pb, stack):
    a, s = pb.assessment, stack
    first = s.admit(5)
    s.assess(first, a.BASELINE, s.day(5))

    # Assessment down while the referral service admits: the admission arrives after the restart.
    s.stop("assessment-service")
    r = pb.referral
    referral = s.referral.SubmitReferral(r.SubmitReferralRequest(request_id=str(uuid.uuid4()), details=details(pb, 6)),
                                         metadata=s.sd, timeout=10)
    second = s.referral.AdmitCase(r.AdmitCaseRequest(
        request_id=str(uuid.uuid4()), referral_id=referral.referral_id, admission_date=s.admission.isoformat(),
        course_length_days=40, pre_placement_meeting_held_on=s.day(-2)), metadata=s.centre, timeout=10).case_id
    s.start("assessment-service")
    eventually(lambda: s.assessment.GetCaseRecord(a.GetCaseRecordRequest(case_id=second), metadata=s.centre, timeout=5))

    # Referral restarted under a running assessment service: its consumer reconnects.
    s.stop("referral-service")
    s.start("referral-service")
    third = s.admit(7)

    # Nothing was applied twice or lost: each case once, the assessment and its event kept once.
    for case_id in (first, second, third):
        record = s.assessment.GetCaseRecord(a.GetCaseRecordRequest(case_id=case_id), metadata=s.centre, timeout=5)
        assert record.status == a.OPEN and record.timeline.admission_date == s.admission.isoformat()
    s.assess(second, a.BASELINE, s.day(6))
    events = _events(s, 2)
    assert [(e.kind, e.case_id) for e in events] == [("AssessmentRecorded", first), ("AssessmentRecorded", second)]
    assert [e.sequence for e in events] == [1, 2]
    err = code_of(lambda: s.assess(first, a.BASELINE, s.day(7)))
    assert err.code() == grpc.StatusCode.ALREADY_EXISTS


def _meeting_stubs(pb):
    if not (support.bin_dir() / "meeting-service").exists():
        pytest.skip("meeting-service is not built in TILTS_BIN_DIR")
    try:
        meeting = importlib.import_module("tilts.meeting.v1.meeting_pb2")
        meeting_grpc = importlib.import_module("tilts.meeting.v1.meeting_pb2_grpc")
    except ImportError:
        pytest.skip("Proto/tilts/meeting/v1/meeting.proto is not there yet")
    return meeting, meeting_grpc


def test_plan_approval_through_the_meeting_service(pb, launch, tmp_dir):
    meeting, meeting_grpc = _meeting_stubs(pb)
    endpoint = support.make_endpoint("unix", tmp_dir, None, name="m")
    ref_socket = tmp_dir / "r.sock"
    (tmp_dir / "meeting.conf").write_text(f"referral_socket = {ref_socket}\n")
    meetings_proc = launch.start("meeting-service", [
        str(support.binary("meeting-service")), "--socket", str(endpoint.socket_path), "--data-dir",
        str(tmp_dir / "meeting-data"), "--config", str(tmp_dir / "meeting.conf")], endpoint)
    assert meetings_proc.alive()
    stack = Stack(pb, launch, tmp_dir, meeting_socket=endpoint.socket_path)
    a, s = pb.assessment, stack
    stub = meeting_grpc.MeetingServiceStub(endpoint.channel())
    case_id = s.admit(4)
    s.assessment.DraftPlan(s.plan_request(case_id), metadata=s.centre, timeout=10)
    approve = a.ApprovePlanRequest(request_id=str(uuid.uuid4()), case_id=case_id, version=1)
    err = code_of(lambda: s.assessment.ApprovePlan(approve, metadata=s.centre, timeout=10))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION

    starts = datetime.combine(date.fromisoformat(s.day(8)), datetime.min.time().replace(hour=10),
                              tzinfo=ZoneInfo("Europe/Riga"))
    from google.protobuf import timestamp_pb2
    at = timestamp_pb2.Timestamp(seconds=int(starts.timestamp()))
    try:
        scheduled = eventually(lambda: stub.ScheduleMeeting(meeting.ScheduleMeetingRequest(
            request_id=str(uuid.uuid4()), kind=meeting.MEETING_1, case_id=case_id, starts_at=at, duration_minutes=60,
            mode=meeting.IN_PERSON, place="Centrs",
            participants=[meeting.MeetingParticipant(institution=pb.common.CENTRE, institution_name="Centrs"),
                          meeting.MeetingParticipant(institution=pb.common.SOCIAL_SERVICE, institution_name="SD",
                                                     municipality="riga")]),
            metadata=s.centre, timeout=10))
    except grpc.RpcError as error:
        if error.code() == grpc.StatusCode.UNIMPLEMENTED:
            pytest.skip("meeting-service does not serve ScheduleMeeting yet")
        raise
    stub.RecordMinutes(meeting.RecordMinutesRequest(
        request_id=str(uuid.uuid4()), meeting_id=scheduled.meeting_id, held_on=s.day(8),
        attendance=[meeting.MeetingAttendance(participant_id=p.participant_id, status=meeting.ATTENDED)
                    for p in scheduled.participants],
        decisions=["Rehabilitācijas plāns apstiprināts"], plan_approved=True, finalise=True),
        metadata=s.centre, timeout=10)
    approved = eventually(lambda: s.assessment.ApprovePlan(approve, metadata=s.centre, timeout=10))
    assert approved.status == a.APPROVED
    assert approved.approved_at_meeting_id == scheduled.meeting_id
