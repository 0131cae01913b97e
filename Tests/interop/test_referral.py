"""referral-service through the real gRPC stack, judged by a stock grpcio client.

Covers issue 3's acceptance: submit, idempotent retry, list, access by municipality, invalid input
naming each field, duplicates, admission (pre-placement rule, capacity), completion's precondition,
WatchEvents, and crash safety (kill -9 during a burst of 2,000 submissions from 32 streams).
The principal is sent as the gateway would send it: metadata `tilts-principal-bin`.
"""

from __future__ import annotations

import signal
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest

import support

pytestmark = pytest.mark.needs_binaries


def principal(pb, kind, municipality="", subject=None):
    p = pb.common.Principal(institution=kind, municipality=municipality, subject=subject or f"{kind}-{municipality}")
    return (("tilts-principal-bin", p.SerializeToString()),)


def new_form_code(n: int) -> str:
    """A new-form personas kods 3[2-9]NNNN-NNNNN (no date, no check digit), unique per n."""
    return f"32{n // 100000:04d}-{n % 100000:05d}"


def details(pb, n: int = 1, municipality: str = "riga", **overrides):
    r = pb.referral
    fields = dict(
        municipality=municipality, social_service="Sociālais dienests",
        contact=r.ContactPerson(name="Kontaktpersona", phone="+371 20000000"),
        child=r.Child(given_name="Vārds", family_name="Uzvārds", birth_date="2016-05-04", sex=r.FEMALE,
                      personal_code=new_form_code(n), languages=["lv"]),
        legal_representative=r.LegalRepresentative(name="Pārstāvis", relationship="mother"),
        consent=r.Consent(given_on="2026-03-02", form_reference=f"F-{n}"),
        violence_types=[r.EMOTIONAL, r.NEGLECT], requested_length=r.REQUESTED_40_DAYS)
    fields.update(overrides)
    return r.ReferralDetails(**fields)


class Referral:
    """A running referral-service with stubs and principals."""

    def __init__(self, pb, launch, tmp_dir, capacity=2, name="referral"):
        self.pb = pb
        self.dir = tmp_dir / name
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "referral.conf").write_text(f"capacity = {capacity}\nallocation = requested\n")
        self.endpoint = support.make_endpoint("unix", self.dir, None, name="r")
        self.argv = [str(support.binary("referral-service")), "--socket", str(self.endpoint.socket_path),
                     "--data-dir", str(self.dir / "data"), "--config", str(self.dir / "referral.conf")]
        self.launch = launch
        self.proc = launch.start("referral-service", self.argv, self.endpoint)
        self.channel = self.endpoint.channel()
        self.stub = pb.referral_grpc.ReferralServiceStub(self.channel)
        c = pb.common
        self.sd = principal(pb, c.SOCIAL_SERVICE, "riga")
        self.sd_other = principal(pb, c.SOCIAL_SERVICE, "cesis")
        self.bt = principal(pb, c.ORPHANS_COURT, "riga")
        self.centre = principal(pb, c.CENTRE, "", "centre")
        self.ministry = principal(pb, c.MINISTRY, "", "lm")
        self.operator = principal(pb, c.OPERATOR, "", "service:test")

    def restart(self, kill=False):
        self.channel.close()
        if kill:
            self.proc.proc.send_signal(signal.SIGKILL)
            self.proc.proc.wait(timeout=10)
        self.proc = self.launch.start("referral-service", self.argv, self.endpoint)
        self.channel = self.endpoint.channel()
        self.stub = self.pb.referral_grpc.ReferralServiceStub(self.channel)

    def submit(self, n=1, request_id=None, **overrides):
        request = self.pb.referral.SubmitReferralRequest(request_id=request_id or str(uuid.uuid4()),
                                                        details=details(self.pb, n, **overrides))
        return self.stub.SubmitReferral(request, metadata=self.sd, timeout=10)

    def admit(self, referral_id, day="2026-11-25", held="2026-11-20", justification="", length=40):
        request = self.pb.referral.AdmitCaseRequest(request_id=str(uuid.uuid4()), referral_id=referral_id,
                                                   admission_date=day, course_length_days=length,
                                                   pre_placement_meeting_held_on=held,
                                                   urgent_justification=justification)
        return self.stub.AdmitCase(request, metadata=self.centre, timeout=10)


@pytest.fixture
def service(pb, launch, tmp_dir):
    return Referral(pb, launch, tmp_dir)


def code_of(call) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value


def test_submit_retry_list_and_municipal_access(pb, service):
    request_id = str(uuid.uuid4())
    first = service.submit(1, request_id=request_id)
    assert first.status == pb.referral.RECEIVED
    retry = service.submit(1, request_id=request_id)
    assert retry.referral_id == first.referral_id, "an idempotent retry must return the first referral"

    listed = service.stub.ListReferrals(pb.referral.ListReferralsRequest(), metadata=service.sd)
    assert [r.referral_id for r in listed.referrals] == [first.referral_id]
    assert service.stub.GetReferral(pb.referral.GetReferralRequest(referral_id=first.referral_id),
                                    metadata=service.bt).referral_id == first.referral_id

    err = code_of(lambda: service.stub.GetReferral(pb.referral.GetReferralRequest(referral_id=first.referral_id),
                                                   metadata=service.sd_other))
    assert err.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
    assert service.stub.ListReferrals(pb.referral.ListReferralsRequest(), metadata=service.sd_other).referrals == []
    err = code_of(lambda: service.stub.ListReferrals(pb.referral.ListReferralsRequest(), metadata=service.ministry))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED
    err = code_of(lambda: service.stub.ListReferrals(pb.referral.ListReferralsRequest()))
    assert err.code() == grpc.StatusCode.UNAUTHENTICATED
    # An SD may not submit for another municipality.
    err = code_of(lambda: service.submit(2, municipality="cesis"))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED


def test_invalid_input_names_each_field(pb, service):
    r = pb.referral
    bad = details(pb, 3, child=r.Child(given_name="", family_name="X", birth_date="2016-02-30", sex=r.SEX_UNSPECIFIED,
                                       personal_code="161175-19990", languages=[]),
                  consent=r.Consent(given_on="2099-01-01", form_reference=""), violence_types=[],
                  urgent=True, urgency_reason="")
    err = code_of(lambda: service.stub.SubmitReferral(r.SubmitReferralRequest(request_id="x", details=bad),
                                                      metadata=service.sd))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    for field in ["details.child.given_name", "details.child.birth_date", "details.child.sex",
                  "details.child.personal_code", "details.child.languages", "details.consent.given_on",
                  "details.consent.form_reference", "details.violence_types", "details.urgency_reason"]:
        assert field in err.details(), f"{field} not named in: {err.details()}"
    assert "161175" not in err.details(), "error messages must not echo personal codes"

    # Over 18 on the planned admission day.
    old = details(pb, 4, child=r.Child(given_name="A", family_name="B", birth_date="2008-01-01", sex=r.MALE,
                                       personal_code=new_form_code(4), languages=["lv"]),
                  planned_admission_date="2026-12-01")
    err = code_of(lambda: service.stub.SubmitReferral(r.SubmitReferralRequest(request_id="y", details=old),
                                                      metadata=service.sd))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "under 18" in err.details()


def test_duplicate_active_referral_names_the_existing_one(pb, service):
    first = service.submit(5)
    err = code_of(lambda: service.submit(5))
    assert err.code() == grpc.StatusCode.ALREADY_EXISTS
    assert first.referral_id in err.details()


def test_admission_rules_capacity_and_completion(pb, service):
    a, b, c = service.submit(10), service.submit(11), service.submit(12, urgent=True, urgency_reason="drošība")

    waiting = service.stub.GetWaitingList(pb.referral.GetWaitingListRequest(as_of="2026-11-24"), metadata=service.centre)
    assert [e.referral_id for e in waiting.entries][0] == c.referral_id, "urgent referrals come first"

    err = code_of(lambda: service.admit(a.referral_id, held="", justification=""))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "pre-placement" in err.details()
    case_a = service.admit(a.referral_id)
    assert case_a.timeline.meeting1.first == "2026-12-01" and case_a.timeline.meeting1.last == "2026-12-03"
    assert case_a.timeline.last_day == "2027-01-03"
    case_c = service.admit(c.referral_id, held="", justification="bērns apdraudēts")
    assert [d.kind for d in case_c.deviations] == ["ADMITTED_WITHOUT_PRE_PLACEMENT_MEETING"]

    err = code_of(lambda: service.admit(b.referral_id, day="2026-11-26"))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "no free place" in err.details()
    err = code_of(lambda: service.stub.AdmitCase(pb.referral.AdmitCaseRequest(request_id="z", referral_id=b.referral_id),
                                                 metadata=service.sd))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED

    err = code_of(lambda: service.stub.CompleteCase(
        pb.referral.CompleteCaseRequest(request_id=str(uuid.uuid4()), case_id=case_a.case_id, completed_on="2027-01-03"),
        metadata=service.centre))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION and "final summary" in err.details()

    ended = service.stub.TerminateCase(
        pb.referral.TerminateCaseRequest(request_id=str(uuid.uuid4()), case_id=case_a.case_id,
                                         reason=pb.referral.RAN_AWAY, terminated_on="2026-12-10"),
        metadata=service.centre)
    assert ended.status == pb.referral.TERMINATED_EARLY
    # The place is free again: b can be admitted.
    assert service.admit(b.referral_id, day="2026-12-11").status == pb.referral.IN_COURSE


def watch(service, after=0, count=None, timeout=10.0):
    """Events after `after`, until `count` arrive or the stream idles out."""
    events = []
    stream = service.stub.WatchEvents(service.pb.common.WatchEventsRequest(after_sequence=after),
                                      metadata=service.operator, timeout=timeout)
    try:
        for event in stream:
            events.append(event)
            if count is not None and len(events) >= count:
                stream.cancel()
                break
    except grpc.RpcError as err:
        if err.code() not in (grpc.StatusCode.CANCELLED, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.UNAVAILABLE):
            raise
    return events


def test_watch_events_history_then_live(pb, service):
    a = service.submit(20)
    events = watch(service, count=1)
    assert [e.kind for e in events] == ["ReferralSubmitted"]
    payload = pb.referral.ReferralSubmitted.FromString(events[0].payload)
    assert payload.referral_id == a.referral_id and payload.municipality == "riga"
    got = []
    t = threading.Thread(target=lambda: got.extend(watch(service, after=events[0].sequence, count=1)))
    t.start()
    service.admit(a.referral_id)
    t.join(15)
    assert [e.kind for e in got] == ["CaseAdmitted"]
    err = code_of(lambda: list(service.stub.WatchEvents(pb.common.WatchEventsRequest(), metadata=service.sd, timeout=5)))
    assert err.code() == grpc.StatusCode.PERMISSION_DENIED


def test_kill_during_a_burst_loses_and_doubles_nothing(pb, launch, tmp_dir):
    service = Referral(pb, launch, tmp_dir, capacity=12, name="crash")
    total, streams = 2000, 32
    request_ids = [str(uuid.uuid4()) for _ in range(total)]
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def worker(k):
        channel = service.endpoint.channel()
        stub = pb.referral_grpc.ReferralServiceStub(channel)
        for n in range(k, total, streams):
            if stop.is_set():
                break
            try:
                reply = stub.SubmitReferral(pb.referral.SubmitReferralRequest(
                    request_id=request_ids[n], details=details(pb, 1000 + n)), metadata=service.sd, timeout=10)
                with lock:
                    acknowledged[n] = reply.referral_id
            except grpc.RpcError as err:
                assert err.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED,
                                      grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.INTERNAL), err
                stop.set()
        channel.close()

    # A consumer follows the stream while the burst runs, remembering its cursor.
    seen = []
    consumer = threading.Thread(target=lambda: seen.extend(watch(service, timeout=60)))
    consumer.start()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(streams)]
    for t in threads:
        t.start()
    while len(acknowledged) < 600:
        threading.Event().wait(0.01)
    service.proc.proc.send_signal(signal.SIGKILL)
    service.proc.proc.wait(timeout=10)
    launch.started.remove(service.proc)  # killed on purpose: not a failed clean exit
    for t in threads:
        t.join(60)
    consumer.join(60)
    assert 600 <= len(acknowledged) < total, f"the kill came too late to test anything ({len(acknowledged)})"

    service.restart()
    # Every acknowledged submission is present.
    for n, referral_id in acknowledged.items():
        got = service.stub.GetReferral(pb.referral.GetReferralRequest(referral_id=referral_id), metadata=service.centre)
        assert got.details.child.personal_code == new_form_code(1000 + n)
    # Retrying everything with the same request ids: acknowledged ones return their first result, and
    # no child ends up with two referrals.
    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(lambda n: service.stub.SubmitReferral(pb.referral.SubmitReferralRequest(
            request_id=request_ids[n], details=details(pb, 1000 + n)), metadata=service.sd, timeout=30), range(total)))
    for n, referral_id in acknowledged.items():
        assert replies[n].referral_id == referral_id
    ids = set()
    token = ""
    while True:
        page = service.stub.ListReferrals(pb.referral.ListReferralsRequest(page_size=500, page_token=token),
                                          metadata=service.centre)
        ids.update(r.referral_id for r in page.referrals)
        token = page.next_page_token
        if not token:
            break
    assert len(ids) == total

    # The consumer resumes from its cursor and sees every event exactly once.
    cursor = seen[-1].sequence if seen else 0
    rest = watch(service, after=cursor, count=total - len(seen), timeout=60)
    sequences = [e.sequence for e in seen + rest]
    assert sequences == list(range(1, total + 1)), "events must be contiguous, none missing, none repeated"
    submitted = {pb.referral.ReferralSubmitted.FromString(e.payload).referral_id for e in seen + rest}
    assert submitted == ids


def test_withdraw_decline_filters_and_pages(pb, service):
    r = pb.referral
    kept = [service.submit(30 + n) for n in range(5)]
    withdrawn = service.stub.WithdrawReferral(r.WithdrawReferralRequest(
        request_id=str(uuid.uuid4()), referral_id=kept[0].referral_id, reason="ģimene pārcēlās"), metadata=service.sd)
    assert withdrawn.status == r.WITHDRAWN and withdrawn.closed_on
    declined = service.stub.DeclineReferral(r.DeclineReferralRequest(
        request_id=str(uuid.uuid4()), referral_id=kept[1].referral_id, reason="nav vietu"), metadata=service.centre)
    assert declined.status == r.DECLINED
    err = code_of(lambda: service.stub.WithdrawReferral(r.WithdrawReferralRequest(
        request_id=str(uuid.uuid4()), referral_id=kept[2].referral_id, reason="x"), metadata=service.sd_other))
    assert err.code() == grpc.StatusCode.NOT_FOUND
    err = code_of(lambda: service.stub.WithdrawReferral(r.WithdrawReferralRequest(
        request_id=str(uuid.uuid4()), referral_id=kept[0].referral_id, reason="again"), metadata=service.sd))
    assert err.code() == grpc.StatusCode.FAILED_PRECONDITION
    # The same child can be referred again once the earlier referral is closed.
    again = service.submit(30)
    assert again.referral_id != kept[0].referral_id

    waiting = service.stub.ListReferrals(r.ListReferralsRequest(statuses=[r.RECEIVED]), metadata=service.centre)
    assert {x.referral_id for x in waiting.referrals} == {k.referral_id for k in kept[2:]} | {again.referral_id}
    # Pages of 2 walk the whole list in order, without repeats.
    seen, token = [], ""
    while True:
        page = service.stub.ListReferrals(r.ListReferralsRequest(page_size=2, page_token=token), metadata=service.centre)
        assert len(page.referrals) <= 2
        seen += [x.referral_id for x in page.referrals]
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == len(set(seen)) == 6
    # A token from another query is refused.
    first = service.stub.ListReferrals(r.ListReferralsRequest(page_size=1), metadata=service.centre)
    err = code_of(lambda: service.stub.ListReferrals(
        r.ListReferralsRequest(page_size=1, page_token=first.next_page_token, statuses=[r.DECLINED]), metadata=service.centre))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    err = code_of(lambda: service.stub.ListReferrals(r.ListReferralsRequest(received_from="2026-13-01"), metadata=service.centre))
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT and "received_from" in err.details()
