"""meeting-service through the real gRPC stack, judged by a stock grpcio client.

Starts a real referral-service and a meeting-service whose `referral_socket` points at it, and covers
issue 4's acceptance: requirements opened by admissions within a second with exact windows; schedule,
minutes, finalise, immutability and addenda; due and overdue lists; an iCalendar export that parses
with the `icalendar` package; bad input with a clear status and message; access by municipality;
and SIGTERM and kill -9 restarts during a burst of 30 admissions that lose and double no requirement.
The principal is sent as the gateway would send it: metadata `tilts-principal-bin`.
"""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import threading
import time
import uuid
import zoneinfo
from concurrent.futures import ThreadPoolExecutor

import grpc
import icalendar
import pytest
from google.protobuf import timestamp_pb2

import support
from test_referral import Referral, code_of, principal

pytestmark = pytest.mark.needs_binaries

RIGA = zoneinfo.ZoneInfo("Europe/Riga")
IN_COURSE = ("MEETING_1", "MEETING_2", "MEETING_3")


def riga_today() -> dt.date:
    return dt.datetime.now(RIGA).date()


def at(day: dt.date, hour: int, minute: int = 0) -> timestamp_pb2.Timestamp:
    """`hour`:`minute` Riga time on `day`."""
    return timestamp_pb2.Timestamp(seconds=int(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=RIGA).timestamp()))


class Meetings:
    """A running meeting-service that follows `referral`'s events, with stubs and principals."""

    def __init__(self, pb, launch, tmp_dir, referral: Referral, name="meeting"):
        self.pb = pb
        self.launch = launch
        self.dir = tmp_dir / name
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "meeting.conf").write_text(f"referral_socket = {referral.endpoint.socket_path}\n")
        self.endpoint = support.make_endpoint("unix", self.dir, None, name="m")
        self.argv = [str(support.binary("meeting-service")), "--socket", str(self.endpoint.socket_path),
                     "--data-dir", str(self.dir / "data"), "--config", str(self.dir / "meeting.conf")]
        self.proc = launch.start("meeting-service", self.argv, self.endpoint)
        self._connect()
        c = pb.common
        self.centre = principal(pb, c.CENTRE, "", "centre")
        self.sd = principal(pb, c.SOCIAL_SERVICE, "riga")
        self.bt = principal(pb, c.ORPHANS_COURT, "riga")
        self.sd_other = principal(pb, c.SOCIAL_SERVICE, "cesis")
        self.ministry = principal(pb, c.MINISTRY, "", "lm")
        self.operator = principal(pb, c.OPERATOR, "", "service:test")

    def _connect(self):
        self.channel = self.endpoint.channel()
        self.stub = self.pb.meeting_grpc.MeetingServiceStub(self.channel)

    @property
    def database(self):
        return self.dir / "data" / "meeting.sqlite"

    def stop(self, kill=False):
        self.channel.close()
        if kill:
            self.proc.proc.send_signal(signal.SIGKILL)
            self.proc.proc.wait(timeout=10)
            self.launch.started.remove(self.proc)  # killed on purpose: not a failed clean exit
        else:
            assert self.proc.stop() == 0, self.proc.log_tail()

    def start(self):
        self.proc = self.launch.start("meeting-service", self.argv, self.endpoint)
        self._connect()

    def due(self, case_id="", as_of="", who=None, overdue_only=False):
        request = self.pb.meeting.ListDueAndOverdueRequest(case_id=case_id, as_of=as_of, overdue_only=overdue_only)
        return self.stub.ListDueAndOverdue(request, metadata=who or self.centre, timeout=10)

    def participants(self):
        m, c = self.pb.meeting, self.pb.common
        return [
            m.MeetingParticipant(institution=c.CENTRE, institution_name="Ģimenes atbalsta centrs", person="Ilze Kalniņa",
                                 email="ilze@centrs.example.lv"),
            m.MeetingParticipant(institution=c.SOCIAL_SERVICE, institution_name="Rīgas Sociālais dienests",
                                 municipality="riga", email="sd@riga.example.lv"),
            m.MeetingParticipant(institution=c.ORPHANS_COURT, institution_name="Rīgas bāriņtiesa; 2. nodaļa",
                                 municipality="riga"),
            m.MeetingParticipant(institution=c.SCHOOL, institution_name="Rīgas 1. pamatskola", person="Skolotāja",
                                 phone="+371 20000001"),
        ]

    def schedule(self, kind, day, case_id="", referral_id="", who=None, hour=10, minutes=90, **extra):
        m = self.pb.meeting
        fields = dict(request_id=str(uuid.uuid4()), kind=getattr(m, kind), case_id=case_id, referral_id=referral_id,
                      starts_at=at(day, hour), duration_minutes=minutes, mode=m.IN_PERSON, place="Centrs, 2. stāvs",
                      participants=self.participants())
        fields.update(extra)
        return self.stub.ScheduleMeeting(m.ScheduleMeetingRequest(**fields), metadata=who or self.centre, timeout=10)

    def minutes(self, meeting, held_on: dt.date, finalise: bool, who=None, **extra):
        m = self.pb.meeting
        fields = dict(
            request_id=str(uuid.uuid4()), meeting_id=meeting.meeting_id, held_on=held_on.isoformat(),
            attendance=[m.MeetingAttendance(participant_id=p.participant_id, status=m.ATTENDED) for p in meeting.participants],
            reports=[m.MeetingParticipantReport(participant_id=meeting.participants[0].participant_id,
                                                text="Kartēšanas rezultāti: bērns pielāgojas.")],
            decisions=["Rehabilitācijas plāns apstiprināts"],
            actions=[m.MeetingAgreedAction(description="Sazināties ar skolu", owner_institution=self.pb.common.SOCIAL_SERVICE,
                                           owner_name="Rīgas Sociālais dienests",
                                           due_on=(held_on + dt.timedelta(days=8)).isoformat())],
            plan_approved=True, finalise=finalise)
        fields.update(extra)
        return self.stub.RecordMinutes(m.RecordMinutesRequest(**fields), metadata=who or self.centre, timeout=10)

    def wait_requirements(self, case_id, kinds=IN_COURSE, timeout=5.0):
        """Polls ListDueAndOverdue until the case has `kinds`; returns ({kind: requirement}, seconds)."""
        started = time.monotonic()
        while True:
            try:
                got = {self.pb.meeting.MeetingKind.Name(r.kind): r for r in self.due(case_id).requirements}
                if all(k in got for k in kinds):
                    return got, time.monotonic() - started
            except grpc.RpcError as err:
                if err.code() != grpc.StatusCode.NOT_FOUND:
                    raise
            assert time.monotonic() - started < timeout, f"case {case_id} has no {kinds} requirements after {timeout}s"
            time.sleep(0.02)


class Stack:
    def __init__(self, pb, launch, tmp_dir, capacity=40):
        self.referral = Referral(pb, launch, tmp_dir, capacity=capacity)
        self.meetings = Meetings(pb, launch, tmp_dir, self.referral)

    def admitted(self, n, admission: dt.date, length=40):
        r = self.referral.pb.referral
        referral = self.referral.submit(n, requested_length=r.REQUESTED_70_DAYS if length == 70 else r.REQUESTED_40_DAYS)
        held = (admission - dt.timedelta(days=3)).isoformat()
        case = self.referral.admit(referral.referral_id, day=admission.isoformat(), held=held, length=length)
        return referral, case


@pytest.fixture
def stack(pb, launch, tmp_dir):
    return Stack(pb, launch, tmp_dir)


def window(r):
    return (r.window.first, r.window.last)


def test_an_admission_opens_its_requirements_within_a_second_with_exact_windows(pb, stack):
    meetings = stack.meetings
    # 40 days from 25 Nov 2026: day 7 = 1 Dec (November has 30 days); day 40 = 3 Jan 2027.
    _, case40 = stack.admitted(101, dt.date(2026, 11, 25), 40)
    got, seconds = meetings.wait_requirements(case40.case_id)
    assert seconds < 1.0, f"requirements appeared after {seconds:.2f}s"
    assert window(got["MEETING_1"]) == ("2026-12-01", "2026-12-03")
    assert window(got["MEETING_2"]) == ("2026-12-17", "2026-12-21")
    assert window(got["MEETING_3"]) == ("2026-12-27", "2026-12-29")
    # 70 days from 20 Dec 2026: day 13 = 1 Jan 2027, day 44 = 1 Feb 2027.
    _, case70 = stack.admitted(102, dt.date(2026, 12, 20), 70)
    got, seconds = meetings.wait_requirements(case70.case_id)
    assert seconds < 1.0, f"requirements appeared after {seconds:.2f}s"
    assert window(got["MEETING_1"]) == ("2026-12-26", "2026-12-28")
    assert window(got["MEETING_2"]) == ("2027-01-26", "2027-01-30")
    assert window(got["MEETING_3"]) == ("2027-02-20", "2027-02-22")
    # The referral service recorded the pre-placement meeting held at admission.
    pre = got["PRE_PLACEMENT"]
    assert pre.held_as_reported_at_admission and pre.status == pb.meeting.REQUIREMENT_HELD_IN_WINDOW
    # The same windows as the referral service's own timeline.
    for case in (case40, case70):
        got, _ = meetings.wait_requirements(case.case_id)
        t = case.timeline
        assert [window(got[k]) for k in IN_COURSE] == [(w.first, w.last) for w in (t.meeting1, t.meeting2, t.meeting3)]


def test_schedule_minutes_finalise_edit_addendum_and_overdue(pb, stack):
    m = pb.meeting
    meetings = stack.meetings
    today = riga_today()
    admission = today - dt.timedelta(days=20)  # meeting 1 window: today-14 … today-12
    _, case = stack.admitted(201, admission, 40)
    _, idle = stack.admitted(202, admission, 40)  # nothing held: meeting 1 overdue
    meetings.wait_requirements(case.case_id)
    meetings.wait_requirements(idle.case_id)

    held_day = admission + dt.timedelta(days=7)  # day 8
    meeting = meetings.schedule("MEETING_1", held_day, case_id=case.case_id)
    assert meeting.status == m.SCHEDULED and meeting.in_window and meeting.convened_by == pb.common.CENTRE
    assert (meeting.window.first, meeting.window.last) == (case.timeline.meeting1.first, case.timeline.meeting1.last)
    assert len({p.participant_id for p in meeting.participants}) == 4

    draft = meetings.minutes(meeting, held_day, finalise=False)
    assert draft.status == m.MINUTES_DRAFT
    final = meetings.minutes(meeting, held_day, finalise=True)
    assert final.status == m.HELD and final.minutes.finalised and final.minutes.plan_approved
    err = code_of(lambda: meetings.minutes(meeting, held_day, finalise=False, decisions=["cits lēmums"]))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "AddMinutesAddendum" in err.details()
    corrected = meetings.stub.AddMinutesAddendum(
        m.AddMinutesAddendumRequest(request_id=str(uuid.uuid4()), meeting_id=meeting.meeting_id,
                                    text="Labojums: klāt bija arī policija."), metadata=meetings.bt, timeout=10)
    assert [a.text for a in corrected.addenda] == ["Labojums: klāt bija arī policija."]
    assert corrected.minutes == final.minutes
    assert [m.MeetingChangeKind.Name(h.kind) for h in corrected.history] == [
        "CHANGE_SCHEDULED", "CHANGE_MINUTES_DRAFTED", "CHANGE_MINUTES_FINALISED", "CHANGE_ADDENDUM_ADDED"]

    # Listed with filters and pages.
    listed = meetings.stub.ListMeetings(m.ListMeetingsRequest(case_id=case.case_id, statuses=[m.HELD]),
                                        metadata=meetings.sd, timeout=10)
    assert [x.meeting_id for x in listed.meetings] == [meeting.meeting_id]
    second = meetings.schedule("MEETING_2", admission + dt.timedelta(days=24), case_id=case.case_id)
    page1 = meetings.stub.ListMeetings(m.ListMeetingsRequest(case_id=case.case_id, page_size=1), metadata=meetings.centre)
    page2 = meetings.stub.ListMeetings(m.ListMeetingsRequest(case_id=case.case_id, page_size=1, page_token=page1.next_page_token),
                                       metadata=meetings.centre)
    assert [x.meeting_id for x in list(page1.meetings) + list(page2.meetings)] == [meeting.meeting_id, second.meeting_id]
    assert page2.next_page_token == ""

    # Due and overdue as of today, and as of a day after the action's due date.
    due = {m.MeetingKind.Name(r.kind): r for r in meetings.due(case.case_id).requirements}
    assert due["MEETING_1"].status == m.REQUIREMENT_HELD_IN_WINDOW and due["MEETING_1"].held_on == held_day.isoformat()
    assert due["MEETING_2"].status == m.REQUIREMENT_SCHEDULED
    assert due["MEETING_3"].status == m.REQUIREMENT_UPCOMING
    overdue = meetings.due(overdue_only=True)
    assert [(r.case_id, m.MeetingKind.Name(r.kind)) for r in overdue.requirements if r.case_id == idle.case_id] == [
        (idle.case_id, "MEETING_1")]
    assert all(r.overdue for r in overdue.requirements)
    assert [a.action.description for a in overdue.overdue_actions if a.case_id == case.case_id] == ["Sazināties ar skolu"]
    later = meetings.due(case.case_id, as_of=(today + dt.timedelta(days=30)).isoformat())
    statuses = {m.MeetingKind.Name(r.kind): m.MeetingRequirementStatus.Name(r.status) for r in later.requirements}
    assert statuses["MEETING_2"] == "REQUIREMENT_MISSED" and statuses["MEETING_3"] == "REQUIREMENT_MISSED"

    # Meeting 1's MeetingHeld event, as the assessment service reads it.
    stream = meetings.stub.WatchEvents(pb.common.WatchEventsRequest(kinds=["MeetingHeld"]), metadata=meetings.operator,
                                       timeout=10)
    event = next(iter(stream))
    stream.cancel()
    held = m.MeetingHeld.FromString(event.payload)
    assert (event.source, event.case_id) == ("meeting", case.case_id)
    assert (held.meeting_id, held.kind, held.case_id, held.held_on) == (meeting.meeting_id, m.MEETING_1, case.case_id,
                                                                         held_day.isoformat())
    assert held.plan_approved and held.held_in_window and held.municipality == "riga"


def test_pre_placement_held_reaches_the_referral_service(pb, stack):
    """A finalised PRE_PLACEMENT meeting is the event the referral service uses to mark it held."""
    m, r = pb.meeting, pb.referral
    meetings, referral = stack.meetings, stack.referral
    # The referral service follows the meeting service too (`meeting_socket`).
    (referral.dir / "referral.conf").write_text(
        f"capacity = 40\nallocation = requested\nmeeting_socket = {meetings.endpoint.socket_path}\n")
    assert referral.proc.stop() == 0
    referral.restart()
    today = riga_today()
    submitted = referral.submit(301)
    meetings.wait_requirements(submitted.referral_id, kinds=("PRE_PLACEMENT",), timeout=15)
    pre = meetings.schedule("PRE_PLACEMENT", today, referral_id=submitted.referral_id, who=meetings.sd, hour=0, minutes=30)
    assert pre.window.first == submitted.received_on and pre.window.last == "" and pre.in_window
    assert pre.convened_by == pb.common.SOCIAL_SERVICE
    final = meetings.minutes(pre, today, finalise=True, who=meetings.sd, plan_approved=False)
    assert final.status == m.HELD

    stream = meetings.stub.WatchEvents(pb.common.WatchEventsRequest(kinds=["MeetingHeld"]), metadata=meetings.operator,
                                       timeout=10)
    event = next(iter(stream))
    stream.cancel()
    held = m.MeetingHeld.FromString(event.payload)
    assert event.case_id == submitted.referral_id and held.referral_id == submitted.referral_id and held.case_id == ""
    assert held.kind == m.PRE_PLACEMENT and held.held_in_window and held.held_on == today.isoformat()

    deadline = time.monotonic() + 15
    while True:
        got = referral.stub.GetReferral(r.GetReferralRequest(referral_id=submitted.referral_id), metadata=referral.centre)
        if got.status == r.PRE_PLACEMENT_MEETING_HELD or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert got.status == r.PRE_PLACEMENT_MEETING_HELD and got.pre_placement_meeting_held_on == today.isoformat()
    # Admission needs neither a stated day nor an urgent justification now; the requirement shows it held.
    case = referral.admit(submitted.referral_id, day=(today + dt.timedelta(days=1)).isoformat(), held="")
    got, _ = meetings.wait_requirements(case.case_id, timeout=15)
    assert got["PRE_PLACEMENT"].status == m.REQUIREMENT_HELD_IN_WINDOW
    assert got["PRE_PLACEMENT"].meeting_id == pre.meeting_id and got["PRE_PLACEMENT"].held_on == today.isoformat()
    assert (got["PRE_PLACEMENT"].window.first, got["PRE_PLACEMENT"].window.last) == (
        submitted.received_on, (today + dt.timedelta(days=1)).isoformat())


def test_export_calendar_parses_as_icalendar_with_its_attendees(pb, stack):
    m = pb.meeting
    meetings = stack.meetings
    _, case = stack.admitted(401, dt.date(2026, 11, 25), 40)
    meetings.wait_requirements(case.case_id)
    meeting = meetings.schedule("MEETING_1", dt.date(2026, 12, 2), case_id=case.case_id, mode=m.REMOTE, place="",
                                remote_link="https://meet.example.lv/stis?id=1,2;3")
    for utc in (False, True):
        export = meetings.stub.ExportCalendar(m.ExportCalendarRequest(meeting_id=meeting.meeting_id, utc=utc),
                                              metadata=meetings.sd, timeout=10)
        assert export.filename.endswith(".ics") and export.content_type.startswith("text/calendar")
        raw = export.ics.encode("utf-8")
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF"
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
        calendar = icalendar.Calendar.from_ical(export.ics)
        assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
        events = calendar.walk("VEVENT")
        assert len(events) == 1
        event = events[0]
        assert str(event["UID"]).startswith(meeting.meeting_id)
        assert "DTSTAMP" in event
        start = event.decoded("DTSTART")
        assert start == dt.datetime(2026, 12, 2, 10, 0, tzinfo=RIGA)
        assert event.decoded("DTEND") - start == dt.timedelta(minutes=90)
        if not utc:
            assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Riga"
            assert event["DTSTART"].params["TZID"] == "Europe/Riga"
        assert "STIS 1. sanāksme" in str(event["SUMMARY"])
        assert str(event["URL"]) == "https://meet.example.lv/stis?id=1,2;3"
        attendees = event.get("ATTENDEE")
        assert len(attendees) == 4
        names = sorted(str(a.params["CN"]) for a in attendees)
        assert names == sorted(["Ilze Kalniņa (Ģimenes atbalsta centrs)", "Rīgas Sociālais dienests",
                                "Rīgas bāriņtiesa; 2. nodaļa", "Skolotāja (Rīgas 1. pamatskola)"])
        assert {str(a) for a in attendees} >= {"mailto:ilze@centrs.example.lv", "mailto:sd@riga.example.lv"}
        assert str(event["ORGANIZER"]) == "mailto:ilze@centrs.example.lv"


def test_bad_input_gets_a_clear_status_and_message(pb, stack):
    m = pb.meeting
    meetings = stack.meetings
    today = riga_today()
    referral, case = stack.admitted(501, dt.date(2026, 11, 25), 40)
    meetings.wait_requirements(case.case_id)

    err = code_of(lambda: meetings.schedule("MEETING_2", dt.date(2026, 12, 18), case_id=str(uuid.uuid4())))
    assert err.code() == grpc.StatusCode.NOT_FOUND and "was not found" in err.details()

    err = code_of(lambda: meetings.schedule("PRE_PLACEMENT", dt.date(2026, 11, 20), referral_id=referral.referral_id,
                                            who=meetings.sd))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "already admitted" in err.details()
    waiting = stack.referral.submit(502)
    meetings.wait_requirements(waiting.referral_id, kinds=("PRE_PLACEMENT",))
    err = code_of(lambda: meetings.schedule("MEETING_1", dt.date(2026, 12, 1), referral_id=waiting.referral_id))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "not admitted" in err.details()

    start = at(dt.date(2026, 12, 2), 10)
    before = timestamp_pb2.Timestamp(seconds=start.seconds - 3600)
    err = code_of(lambda: meetings.schedule("MEETING_1", dt.date(2026, 12, 2), case_id=case.case_id, duration_minutes=0,
                                            ends_at=before))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "ends_at" in err.details() and "before" in err.details()

    err = code_of(lambda: meetings.schedule("MEETING_1", dt.date(2026, 12, 5), case_id=case.case_id))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "outside_window_reason" in err.details()

    err = code_of(lambda: meetings.schedule("QUARTERLY_REVIEW", dt.date(2026, 12, 5)))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "PlanQuarterlyReview" in err.details()

    err = code_of(lambda: meetings.schedule("MEETING_1", dt.date(2026, 12, 2), case_id=case.case_id, participants=[],
                                            mode=m.REMOTE, remote_link=""))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "participants" in err.details() and "remote_link" in err.details()

    meeting = meetings.schedule("MEETING_1", dt.date(2026, 12, 2), case_id=case.case_id)
    meetings.stub.CancelMeeting(m.CancelMeetingRequest(request_id=str(uuid.uuid4()), meeting_id=meeting.meeting_id,
                                                       reason="Speciālists slims"), metadata=meetings.centre)
    err = code_of(lambda: meetings.minutes(meeting, today, finalise=True))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "cancelled" in err.details()

    second = meetings.schedule("MEETING_2", dt.date(2026, 12, 18), case_id=case.case_id)
    err = code_of(lambda: meetings.minutes(second, today + dt.timedelta(days=2), finalise=True, plan_approved=False))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "held_on" in err.details() and "future" in err.details()
    err = code_of(lambda: meetings.minutes(second, today, finalise=True))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "plan_approved" in err.details()

    err = code_of(lambda: meetings.stub.GetMeeting(m.GetMeetingRequest(meeting_id=meeting.meeting_id)))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED


def test_another_municipality_is_refused(pb, stack):
    m = pb.meeting
    meetings = stack.meetings
    referral, case = stack.admitted(601, dt.date(2026, 11, 25), 40)
    meetings.wait_requirements(case.case_id)
    meeting = meetings.schedule("MEETING_1", dt.date(2026, 12, 2), case_id=case.case_id)
    assert meetings.stub.GetMeeting(m.GetMeetingRequest(meeting_id=meeting.meeting_id), metadata=meetings.bt).meeting_id \
        == meeting.meeting_id

    other = meetings.sd_other
    err = code_of(lambda: meetings.stub.GetMeeting(m.GetMeetingRequest(meeting_id=meeting.meeting_id), metadata=other))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    err = code_of(lambda: meetings.stub.ExportCalendar(m.ExportCalendarRequest(meeting_id=meeting.meeting_id), metadata=other))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    err = code_of(lambda: meetings.due(case.case_id, who=other))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    assert meetings.stub.ListMeetings(m.ListMeetingsRequest(), metadata=other).meetings == []
    assert [r for r in meetings.due(who=other).requirements] == []
    waiting = stack.referral.submit(602)
    meetings.wait_requirements(waiting.referral_id, kinds=("PRE_PLACEMENT",))
    err = code_of(lambda: meetings.schedule("PRE_PLACEMENT", riga_today(), referral_id=waiting.referral_id, who=other))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    # LM sees quarterly reviews only; WatchEvents is for Tilts services.
    err = code_of(lambda: meetings.stub.GetMeeting(m.GetMeetingRequest(meeting_id=meeting.meeting_id), metadata=meetings.ministry))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    assert {m.MeetingKind.Name(r.kind) for r in meetings.due(who=meetings.ministry).requirements} == {"QUARTERLY_REVIEW"}
    err = code_of(lambda: list(meetings.stub.WatchEvents(pb.common.WatchEventsRequest(), metadata=meetings.sd, timeout=5)))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED


def test_quarterly_review_invites_the_pilots_municipalities(pb, stack):
    m, c = pb.meeting, pb.common
    meetings = stack.meetings
    _, case = stack.admitted(701, dt.date(2026, 11, 25), 40)
    meetings.wait_requirements(case.case_id)
    review = meetings.stub.PlanQuarterlyReview(
        m.PlanQuarterlyReviewRequest(request_id=str(uuid.uuid4()), quarter=4, starts_at=at(dt.date(2027, 2, 15), 11),
                                     duration_minutes=120, mode=m.IN_PERSON, place="LM, Skolas iela 28"),
        metadata=meetings.ministry, timeout=10)
    kinds = [c.InstitutionKind.Name(p.institution) for p in review.participants]
    assert kinds == ["MINISTRY", "FUND", "CENTRE", "SOCIAL_SERVICE", "ORPHANS_COURT"]
    assert (review.window.first, review.window.last) == ("2026-12-01", "2027-02-28") and review.in_window
    assert meetings.stub.GetMeeting(m.GetMeetingRequest(meeting_id=review.meeting_id), metadata=meetings.sd).quarter == 4


def cursor(meetings: Meetings) -> int:
    with sqlite3.connect(f"file:{meetings.database}?mode=ro", uri=True, timeout=10) as db:
        row = db.execute("SELECT sequence FROM tilts_consumer_cursor WHERE name = 'referral'").fetchone()
    return row[0] if row else 0


def test_restarts_during_a_burst_of_admissions_lose_and_double_nothing(pb, stack):
    meetings, referral = stack.meetings, stack.referral
    total = 30
    referrals = [referral.submit(800 + n) for n in range(total)]
    admitted: dict[int, str] = {}
    lock = threading.Lock()

    def admit(n):
        day = dt.date(2026, 12, 1) + dt.timedelta(days=n % 5)
        case = referral.admit(referrals[n].referral_id, day=day.isoformat(), held=(day - dt.timedelta(days=2)).isoformat())
        with lock:
            admitted[n] = case.case_id
        time.sleep(0.1)

    with ThreadPoolExecutor(3) as pool:
        futures = [pool.submit(admit, n) for n in range(total)]
        while len(admitted) < 8:
            time.sleep(0.005)
        meetings.stop()  # SIGTERM: drains and exits 0
        stopped_at = cursor(meetings)
        assert stopped_at > 0, "the consumer had applied events before the restart"
        meetings.start()
        while len(admitted) < 18:
            time.sleep(0.005)
        assert len(admitted) < total, "the burst ended before the second restart"
        meetings.stop(kill=True)
        meetings.start()
        for future in futures:
            future.result(timeout=60)
    assert len(admitted) == total

    # Every case gets its requirements, each exactly once, and the cursor reaches the referral's last event.
    deadline = time.monotonic() + 15
    while True:
        rows = [r for r in meetings.due().requirements if r.case_id in set(admitted.values())]
        if len(rows) >= total * 4 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    per_case: dict[tuple[str, int], int] = {}
    for r in rows:
        per_case[(r.case_id, r.kind)] = per_case.get((r.case_id, r.kind), 0) + 1
    assert len(per_case) == total * 4, f"{total * 4 - len(per_case)} requirements missing"
    assert set(per_case.values()) == {1}, "a requirement was listed twice"
    with sqlite3.connect(f"file:{meetings.database}?mode=ro", uri=True, timeout=10) as db:
        counts = db.execute("SELECT COUNT(*), COUNT(DISTINCT subject_id || '/' || kind) FROM requirement").fetchone()
    assert counts[0] == counts[1] == total * 4  # pre-placement for every referral, 1-3 for every case

    last = 0
    stream = referral.stub.WatchEvents(pb.common.WatchEventsRequest(), metadata=referral.operator, timeout=5)
    try:
        for event in stream:
            last = event.sequence
    except grpc.RpcError as err:
        assert err.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert cursor(meetings) == last >= stopped_at
