"""Faults under load, judged through the gateway by stock grpcio clients (TLS, bearer tokens), as a municipal
system would call it. Covers issue 8's acceptance:

- **kill -9 mid-scenario**: a deterministic 32-child pilot scenario is written by 8 concurrent clients while
  referral, meeting, assessment and reporting services and then the gateway are each killed with SIGKILL and
  restarted. Every call's outcome is checked (only OK, UNAVAILABLE or DEADLINE_EXCEEDED; NOT_FOUND only from
  the reads that wait for another service's events); unacknowledged writes are retried with their
  request_id until OK; then every referral, case, meeting, assessment and session is there exactly once
  (listed ids equal the acknowledged ids; outbox event counts), every event consumer's cursor reaches its
  source's newest sequence, and the pilot evaluation (as the centre and as LM) and quarterly reports equal
  those of the same scenario run without faults.
- **gateway restart** (kill -9, then a graceful restart) during a burst of submissions: no acknowledged
  submission is lost, and sending every request again with its request_id returns the first referral and
  creates none.
- **SIGTERM during load**, of referral-service (behind the gateway) and of the gateway itself: every call in
  flight at the moment of the signal returns OK, the process exits 0 after draining, and no call fails with
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
import os
import subprocess
import threading
import time
import uuid

import grpc
import pytest
from google.protobuf import text_format

import support
from fault_support import (DEADLINE, NOT_FOUND, OK, RETRYABLE, UNAVAILABLE, FaultStack, Ledger, Scenario, describe,
                           integrity, store_query)
from test_referral import details

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
        for name, path in (kwargs.get("data_dirs") or {}).items():
            subprocess.run(["umount", str(path)], capture_output=True)
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


def report_diff(expected, got) -> str:
    import difflib
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
        return scenario.reports()


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
        reports = scenario.reports()
        for name, expected in reference_reports.items():
            assert reports[name] == expected, f"{name} differs from the run without faults:\n" + \
                report_diff(expected, reports[name])
