"""Faults under load, judged through the gateway by stock grpcio clients (TLS, bearer tokens), as a municipal
system would call it. Covers issue 8's acceptance:

- **kill -9 mid-scenario**: a deterministic 32-child pilot scenario is written by 8 concurrent clients while
  referral, meeting, assessment and reporting services and then the gateway are each killed with SIGKILL and
  restarted. Every call's outcome is checked (only OK, UNAVAILABLE or DEADLINE_EXCEEDED; NOT_FOUND only from
  the reads that wait for another service's events); unacknowledged writes are retried with their
  request_id until OK; then every referral, case, meeting, assessment and session is there exactly once
  (listed ids equal the acknowledged ids; outbox event counts), every event consumer's durable cursor reaches
  the newest event of the kinds it follows in its source's outbox, and the pilot evaluation (as the centre
  and as LM) and quarterly reports equal those of the same scenario run without faults.
- **gateway restart** (kill -9, then a graceful restart) during a burst of submissions: no acknowledged
  submission is lost, and sending every request again with its request_id returns the first referral and
  creates none.
- **SIGTERM during load**, of referral-service (behind the gateway) and of the gateway itself: every call in
  flight at the moment of the signal returns OK (except those the status text shows never reached the
  stopping process: see `never_reached`), the process exits 0 after draining, and no call fails with
  anything but UNAVAILABLE, which the client retries with the same request_id until OK (so in the end zero
  calls fail). New calls after SIGTERM see UNAVAILABLE ("the referral service is unavailable" from the
  gateway while the service drains or is down; a refused connection while the gateway itself is down).
- **disk full** on referral-service's data folder (a small tmpfs with a ballast file): once full, writes are
  refused with RESOURCE_EXHAUSTED "the store's disk is full", never an OK that is not stored; the store
  passes `PRAGMA integrity_check`; after the ballast is deleted, writes succeed again without a restart and
  every acknowledged write is present once.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import subprocess
import threading
import time
import uuid

import grpc
import pytest
from google.protobuf import text_format

import support
from fault_support import (NOT_FOUND, OK, RETRYABLE, UNAVAILABLE, FaultStack, Ledger, Scenario, describe,
                           integrity)
from test_referral import details, new_form_code

pytestmark = pytest.mark.needs_binaries

KILL_ORDER = ["referral-service", "meeting-service", "assessment-service", "reporting-service", "tilts-gateway"]
# The reads that wait for another service to apply an event may answer NOT_FOUND ("not known yet").
WAITING_READS = ("ListDueAndOverdue#", "GetCaseRecord#")
CASES = 32  # 16 per cohort: about 450 writes


@contextlib.contextmanager
def running_stack(pb, certs, prefix: str, **kwargs):
    """A FaultStack in a new short folder; at the end every process still running must exit 0 on SIGTERM."""
    directory = support.short_tempdir(prefix)
    launcher = support.Launcher(pb, directory)
    stack = None
    failed = False
    try:
        stack = FaultStack(pb, launcher, directory, certs, **kwargs)
        yield stack
    except BaseException:
        failed = True
        raise
    finally:
        if stack is not None:
            stack.close()
        problems = launcher.stop_all()
        support.remove_tree(directory)
        if not failed:
            assert not problems, "\n".join(problems)


def bad_outcomes(ledger: Ledger):
    """Attempts that ended with a status no fault may cause."""
    allowed = {OK, *RETRYABLE}
    return [a for a in ledger.attempts
            if a.code not in allowed and not (a.code == NOT_FOUND and a.label.startswith(WAITING_READS))]


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def settled_reports(scenario: Scenario, timeout: float = 30.0):
    """The reports once two reads half a second apart agree (every consumer has caught up by then; this
    also covers an event kind added to reporting's list after FOLLOWS was written)."""
    deadline = time.monotonic() + timeout
    last = scenario.reports()
    while True:
        time.sleep(0.5)
        reports = scenario.reports()
        if reports == last:
            return reports
        assert time.monotonic() < deadline, "the reports kept changing after every consumer had caught up"
        last = reports


def report_diff(expected, got) -> str:
    return "\n".join(difflib.unified_diff(text_format.MessageToString(expected).splitlines(),
                                          text_format.MessageToString(got).splitlines(), "without faults",
                                          "with faults", lineterm="", n=2))


# ---------------------------------------------------------------------------------- kill -9 mid-scenario


@pytest.fixture(scope="module")
def reference_reports(pb, certs):
    """The scenario once without faults: its reports are what the faulty run must reproduce."""
    with running_stack(pb, certs, "tilts-f0-") as stack:
        ledger = Ledger()
        scenario = Scenario(stack, ledger, cases=CASES)
        scenario.run()
        assert not bad_outcomes(ledger), describe(bad_outcomes(ledger))
        assert not ledger.unexpected({OK, NOT_FOUND}), "a run without faults must see no UNAVAILABLE or timeout: " + \
            describe(ledger.unexpected({OK, NOT_FOUND}))
        stack.wait_caught_up()
        scenario.check_exactly_once()
        return settled_reports(scenario)


def test_kill_9_each_service_mid_scenario(pb, certs, reference_reports):
    with running_stack(pb, certs, "tilts-fk-") as stack:
        ledger = Ledger()
        scenario = Scenario(stack, ledger, cases=CASES)
        writing = threading.Event()
        kills: list[tuple[str, int, int, bool]] = []

        def killer():
            restarted = 0
            for i, name in enumerate(KILL_ORDER):
                # Spread over the scenario's ~450 writes, each once 20 writes went through after the last restart.
                target = max(40 + 60 * i, restarted + 20)
                wait_for(lambda: ledger.acknowledged_writes >= target or not writing.is_set(), 120, "writes")
                in_flight = ledger.active
                stack.kill(name)
                kills.append((name, ledger.acknowledged_writes, in_flight, writing.is_set()))
                time.sleep(0.4)
                stack.start(name)
                restarted = ledger.acknowledged_writes

        writing.set()
        thread = threading.Thread(target=killer, daemon=True)
        thread.start()
        try:
            scenario.run()
        finally:
            writing.clear()
            thread.join(120)
        assert not thread.is_alive(), "the killer did not finish"
        print(f"\nkills (service, acknowledged writes, calls in flight, scenario running): {kills}")
        print(f"outcomes: {ledger.outcomes()}; acknowledged writes: {ledger.acknowledged_writes}")
        assert [k[0] for k in kills] == KILL_ORDER
        assert all(k[3] for k in kills), f"a kill came after the scenario had finished writing: {kills}"

        # No call got a wrong answer: only OK, or UNAVAILABLE / DEADLINE_EXCEEDED while something was down.
        bad = bad_outcomes(ledger)
        assert not bad, f"{len(bad)} calls ended with a status no crash may cause: {describe(bad)}"
        assert ledger.outcomes().get("UNAVAILABLE", 0) > 0, "no client noticed any kill: the test tested nothing"

        # Every consumer catches up; every acknowledged write is there once; reports equal the reference run.
        stack.wait_caught_up()
        scenario.check_exactly_once()
        reports = settled_reports(scenario)
        for name, expected in reference_reports.items():
            assert reports[name] == expected, f"{name} differs from the run without faults:\n" + \
                report_diff(expected, reports[name])


# ------------------------------------------------------------------------------------ submissions burst


class Burst:
    """`total` referral submissions by `writers` client threads through the gateway, each retried with its
    request_id until OK (UNAVAILABLE and DEADLINE_EXCEEDED only: anything else fails the thread)."""

    def __init__(self, pb, stack: FaultStack, ledger: Ledger, total: int = 240, writers: int = 8,
                 retry=RETRYABLE, offset: int = 7000, timeout: float = 5.0):
        self.pb, self.stack, self.ledger, self.total, self.writers = pb, stack, ledger, total, writers
        self.retry, self.offset, self.timeout = retry, offset, timeout
        self.request_ids = [str(uuid.uuid4()) for _ in range(total)]
        self.acknowledged: dict[int, str] = {}
        self.errors: list[BaseException] = []
        self.threads = [threading.Thread(target=self._writer, args=(w,), daemon=True) for w in range(writers)]

    def request(self, n: int):
        return self.pb.referral.SubmitReferralRequest(request_id=self.request_ids[n],
                                                      details=details(self.pb, self.offset + n))

    def submit(self, n: int, label: str = "SubmitReferral"):
        stub = self.stack.referral(self.stack.sd["riga"])
        reply = self.ledger.until_ok(f"{label}#{n}", stub.SubmitReferral, self.request(n), retry=self.retry,
                                     timeout=self.timeout)
        assert reply.details.child.personal_code == new_form_code(self.offset + n), \
            f"{label}#{n} answered OK with another child's referral"
        return reply.referral_id

    def _writer(self, w: int):
        try:
            for n in range(w, self.total, self.writers):
                referral_id = self.submit(n)
                with self.ledger.lock:
                    self.acknowledged[n] = referral_id
        except BaseException as err:  # noqa: BLE001 - reported by join()
            self.errors.append(err)

    def start(self):
        for t in self.threads:
            t.start()
        return self

    def wait_acknowledged(self, count: int):
        wait_for(lambda: len(self.acknowledged) >= count or self.errors, 120, f"{count} acknowledged submissions")
        if self.errors:
            raise self.errors[0]
        assert len(self.acknowledged) < self.total, "the burst ended before the fault: nothing was tested"

    def join(self):
        for t in self.threads:
            t.join(120)
        assert not any(t.is_alive() for t in self.threads), "the writers did not finish"
        if self.errors:
            raise self.errors[0]
        assert sorted(self.acknowledged) == list(range(self.total))

    def check_exactly_once(self):
        """Every submission sent again with its request_id returns its first referral; the store lists each
        acknowledged referral once and no other; one ReferralSubmitted event each."""
        again = Ledger()
        stub = self.stack.referral(self.stack.sd["riga"])
        for n in range(self.total):
            code, reply, text = again.call(f"resend#{n}", stub.SubmitReferral, self.request(n))
            assert code == OK, f"re-sending submission {n} with its request_id gave {code.name} {text!r}"
            assert reply.referral_id == self.acknowledged[n], \
                f"re-sending submission {n} created referral {reply.referral_id}; the first was {self.acknowledged[n]}"
        centre = self.stack.referral(self.stack.centre)
        listed, token = [], ""
        while True:
            page = centre.ListReferrals(self.pb.referral.ListReferralsRequest(page_size=200, page_token=token), timeout=10)
            listed += [r.referral_id for r in page.referrals]
            token = page.next_page_token
            if not token:
                break
        assert len(listed) == len(set(listed)) == self.total, f"{len(listed)} referrals listed for {self.total} sent"
        assert set(listed) == set(self.acknowledged.values())
        assert self.stack.event_counts("referral-service").get("ReferralSubmitted") == self.total


def test_gateway_restart_loses_and_duplicates_nothing(pb, certs):
    with running_stack(pb, certs, "tilts-fg-", services=("referral-service",)) as stack:
        ledger = Ledger()
        burst = Burst(pb, stack, ledger).start()
        burst.wait_acknowledged(60)
        stack.kill("tilts-gateway")
        killed_at = len(burst.acknowledged)
        time.sleep(0.3)
        stack.start("tilts-gateway")
        burst.wait_acknowledged(killed_at + 60)
        assert stack.terminate("tilts-gateway") == 0, "the gateway must drain and exit 0 on SIGTERM"
        stack.start("tilts-gateway")
        burst.join()
        bad = bad_outcomes(ledger)
        assert not bad, f"{len(bad)} calls ended with a status no restart may cause: {describe(bad)}"
        assert ledger.outcomes().get("UNAVAILABLE", 0) > 0, "no client noticed the restarts"
        print(f"\noutcomes: {ledger.outcomes()}")
        burst.check_exactly_once()


# ------------------------------------------------------------------------------------ SIGTERM under load


def never_reached(attempt, target: str) -> bool:
    """An UNAVAILABLE whose text shows the call never reached the process being stopped."""
    if attempt.code != UNAVAILABLE:
        return False
    if target == "tilts-gateway":
        return "failed to connect" in attempt.details or "Connection refused" in attempt.details
    # The gateway could not open the upstream stream, or the service refused it (HTTP/2 REFUSED_STREAM: a
    # stream above the GOAWAY's last stream id, guaranteed unprocessed).
    return (attempt.details == "the referral service is unavailable; retry shortly"
            or attempt.details.endswith("the server refused the stream; retry"))


@pytest.mark.parametrize("target", ["referral-service", "tilts-gateway"])
def test_sigterm_during_load_drains_and_fails_no_call(pb, certs, target):
    """What new calls see after SIGTERM: UNAVAILABLE (the gateway answers "the referral service is
    unavailable" for a draining or stopped service; a stopped gateway refuses the connection), which the
    client retries with the same request_id; calls already in flight complete OK."""
    with running_stack(pb, certs, "tilts-fs-", services=("referral-service",)) as stack:
        ledger = Ledger()
        # A generous deadline: only OK and UNAVAILABLE are acceptable here, even on a busy machine.
        burst = Burst(pb, stack, ledger, retry=frozenset({UNAVAILABLE}), timeout=30.0).start()
        burst.wait_acknowledged(60)
        signalled = time.monotonic()
        code = stack.terminate(target)
        drained = time.monotonic()
        assert code == 0, f"{target} must drain and exit 0 on SIGTERM, not {code}"
        time.sleep(0.2)
        stack.start(target)
        burst.join()
        in_flight = ledger.in_flight_at(signalled)
        print(f"\n{target}: {len(in_flight)} calls in flight at SIGTERM ({sum(a.code == OK for a in in_flight)} OK), "
              f"drained in {drained - signalled:.3f}s; outcomes: {ledger.outcomes()}")
        # A call the client had started when the signal went out may still have been on its way: waiting for
        # a new connection (grpcio retries a stream the server refused under GOAWAY on a new connection, which
        # the stopped listener refuses), or reaching the gateway just as the service's GOAWAY closed the
        # upstream to new streams (the gateway then answers "...; retry shortly" without sending it on, or
        # relays the service's REFUSED_STREAM). The draining process never accepted those; the client retries
        # them. Every other call must complete OK.
        failed = [a for a in in_flight if a.code != OK and not never_reached(a, target)]
        assert not failed, f"{len(failed)} of {len(in_flight)} calls in flight at SIGTERM did not complete: " + \
            describe(failed)
        assert any(a.code == OK for a in in_flight), "no call in flight at SIGTERM had reached the process: " \
            f"nothing was drained ({describe(in_flight)})"
        bad = ledger.unexpected({OK, UNAVAILABLE})
        assert not bad, f"{len(bad)} calls ended with a status other than OK or UNAVAILABLE: {describe(bad)}"
        burst.check_exactly_once()


# ------------------------------------------------------------------------------------------ disk full

RESOURCE_EXHAUSTED = grpc.StatusCode.RESOURCE_EXHAUSTED


@contextlib.contextmanager
def small_tmpfs(size_kib: int):
    """A tmpfs of `size_kib` KiB on a new folder (needs root or CAP_SYS_ADMIN); unmounted at the end."""
    mount_point = support.short_tempdir("tilts-full-")
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(mount_point)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        os.rmdir(mount_point)
        pytest.skip(f"cannot mount a small tmpfs for the disk-full test (needs root): {out.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True)
        os.rmdir(mount_point)


def free_bytes(path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def test_disk_full_is_refused_clearly_and_recovers_without_restart(pb, certs):
    with small_tmpfs(4096) as data, running_stack(pb, certs, "tilts-fd-", services=("referral-service",),
                                                   data_dirs={"referral-service": data}) as stack:
        proc = stack.procs["referral-service"]
        ledger = Ledger()
        burst = Burst(pb, stack, ledger, total=2000, offset=9000, timeout=30.0)
        stub = stack.referral(stack.sd["riga"])
        for n in range(10):  # the store works before the disk fills
            burst.acknowledged[n] = burst.submit(n)
        # Fill the file system but for a margin, with a ballast file of real (not sparse) pages.
        ballast = data / "ballast"
        with open(ballast, "wb") as f:
            remaining = free_bytes(data) - 512 * 1024
            while remaining > 0:
                remaining -= f.write(b"\0" * min(remaining, 1 << 20))
        refused: list[int] = []
        lock = threading.Lock()
        next_n = iter(range(10, burst.total))

        def writer():
            while True:
                with lock:
                    if len(refused) >= 24:
                        return
                    n = next(next_n)
                code, reply, text = ledger.call(f"SubmitReferral#{n}", stub.SubmitReferral, burst.request(n), timeout=30)
                with lock:
                    if code == OK:
                        burst.acknowledged[n] = reply.referral_id
                    else:
                        refused.append(n)

        threads = [threading.Thread(target=writer, daemon=True) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        print(f"\ndisk full after {len(burst.acknowledged)} acknowledged submissions; outcomes: {ledger.outcomes()}")
        assert refused, "the disk never filled up"
        wrong = [a for a in ledger.attempts if a.code not in (OK, RESOURCE_EXHAUSTED) or
                 (a.code == RESOURCE_EXHAUSTED and "disk is full" not in a.details)]
        assert not wrong, f"a full disk must be refused with RESOURCE_EXHAUSTED naming the disk: {describe(wrong)}"
        assert proc.alive(), f"referral-service died on a full disk:\n{proc.log_tail()}"
        logged = [line for line in proc.log_tail(200000).splitlines() if "the store's disk is full" in line]
        assert logged, "the service must log the full disk"
        print(f"logged {len(logged)} times, e.g.: {logged[0]}")
        assert integrity(stack.store("referral-service")) == "ok"

        # Reads still work, and show every acknowledged submission and none of the refused ones.
        centre = stack.referral(stack.centre)
        listed = {r.referral_id for r in centre.ListReferrals(pb.referral.ListReferralsRequest(page_size=1000),
                                                              timeout=10).referrals}
        assert listed == set(burst.acknowledged.values()), "an OK that is not stored, or a refused write stored"

        # Space returns: the refused submissions go through with their request_ids, without a restart.
        ballast.unlink()
        for n in refused:
            burst.acknowledged[n] = burst.submit(n, label="retry")
        assert proc.alive() and stack.procs["referral-service"] is proc, "recovered without a restart"
        burst.total = max(burst.acknowledged) + 1
        assert sorted(burst.acknowledged) == list(range(burst.total))
        burst.check_exactly_once()
        assert integrity(stack.store("referral-service")) == "ok"
