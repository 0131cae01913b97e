"""A realistic pilot driven through the running local gateway with the built `tiltsctl` (deploy/local/up --demo).

Four municipalities' social services refer 16 children; the centre admits 15 of them into 40- and 70-day
courses, maps them, holds the inter-institutional meetings, approves the plans, logs sessions, rates the six
areas at BASELINE, MID and FINAL, issues the final summaries and completes the courses. One child runs away
(early termination), one is admitted urgently without a pre-placement meeting (a recorded deviation), one
in-course child's meeting 2 is missed (its window closed: overdue), an agreed action is left open past its due
day, and one referral waits with a pre-placement meeting planned for next week.

Every call goes through the gateway over TLS with a bearer token, exactly as a municipal system would call it;
tokens are issued on the gateway's local socket by the operator. Courses lie in the past because minutes,
ratings and summaries may not be dated in the future; the children and personal codes are fictitious and new on
every run, so the demo can run again on the same stack.

It ends by printing the 40-versus-70 evaluation (as the centre, then as the Ministry, which sees small counts
suppressed), the overdue steps per case and overall, and writes the evaluation chart (SVG) to --out.
Standard library only. Exit status 0 when every step succeeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
import uuid
import zoneinfo
from pathlib import Path

RIGA = zoneinfo.ZoneInfo("Europe/Riga")
TODAY = dt.datetime.now(RIGA).date()
AREAS = ["emotional", "social", "behavioural", "cognitive", "physical", "environment_and_relationships"]
MUNICIPALITIES = {"riga": "Rīgas Sociālais dienests", "cesis": "Cēsu novada Sociālais dienests",
                  "valmiera": "Valmieras novada Sociālais dienests", "jelgava": "Jelgavas Sociālais dienests"}
GIVEN = ["Anna", "Marta", "Jānis", "Roberts", "Elza", "Kārlis", "Sofija", "Emīls", "Laura", "Markuss",
         "Alise", "Ralfs", "Paula", "Daniels", "Estere", "Gustavs"]
FAMILY = ["Bērziņa", "Kalniņa", "Ozols", "Liepa", "Kļaviņa", "Jansons", "Zariņa", "Krūmiņš", "Vītola",
          "Eglītis", "Saulīte", "Lapiņš", "Priede", "Siliņš", "Apine", "Celms"]


class Failure(Exception):
    pass


class Ctl:
    """Runs the built tiltsctl against the gateway; every call is printed as one progress line."""

    def __init__(self, args):
        self.binary = args.tiltsctl
        self.tls = ["--address", args.address, "--ca", args.ca, "--server-name", "localhost"]
        self.local = ["--socket", args.socket]
        self.calls = 0

    def run(self, *argv, token=None, stdin=None, local=False, json_out=True, retry_for=0.0):
        cmd = [self.binary, *argv, *(self.local if local else self.tls)]
        if token:
            cmd += ["--token", token]
        if json_out:
            cmd.append("--json")
        deadline = time.monotonic() + retry_for
        while True:
            self.calls += 1
            out = subprocess.run(cmd, input=None if stdin is None else json.dumps(stdin), capture_output=True,
                                 text=True, timeout=60)
            if out.returncode == 0:
                return json.loads(out.stdout) if json_out else out.stdout
            # Retried only where another service must first see an event (a case admitted, a meeting held).
            if time.monotonic() >= deadline:
                raise Failure(f"tiltsctl {' '.join(argv[:2])} failed: {out.stderr.strip()}")
            time.sleep(0.2)

    def file(self, *argv, request, token, retry_for=0.0):
        request.setdefault("requestId", str(uuid.uuid4()))
        return self.run(*argv, "--file", "-", token=token, stdin=request, retry_for=retry_for)


def timestamp(day: dt.date, hour=10) -> str:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=RIGA).astimezone(dt.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


def new_form_code(rng: random.Random) -> str:
    """A fictitious personal code of the new form, 3[2-9]NNNN-NNNNN (no date, no check digit)."""
    return f"3{rng.randint(2, 9)}{rng.randint(0, 9999):04d}-{rng.randint(0, 99999):05d}"


class Pilot:
    def __init__(self, ctl: Ctl, rng: random.Random):
        self.ctl, self.rng = ctl, rng
        self.tokens: dict[str, str] = {}

    def issue_tokens(self):
        def issue(key, institution, name, municipality=""):
            args = ["token", "issue", "--institution", institution, "--name", name, "--ttl-seconds", "86400"]
            if municipality:
                args += ["--municipality", municipality]
            self.tokens[key] = self.ctl.run(*args, local=True)["token"]
        for code, name in MUNICIPALITIES.items():
            issue(code, "SOCIAL_SERVICE", f"{name} (demo)", code)
        issue("centre", "CENTRE", "Ģimenes atbalsta centrs (demo)")
        issue("ministry", "MINISTRY", "Labklājības ministrija (demo)")
        print(f"  tokens issued for {len(MUNICIPALITIES)} social services, the centre and the Ministry (valid 1 day)")

    # ---------------------------------------------------------------------------------- the steps

    def refer(self, n: int, municipality: str, length: int, urgent=False) -> str:
        rng = self.rng
        birth = TODAY - dt.timedelta(days=rng.randint(5 * 365, 16 * 365))
        details = {
            "municipality": municipality, "socialService": MUNICIPALITIES[municipality],
            "contact": {"name": "Inga Sociālā", "phone": f"+371 2{rng.randint(0, 9999999):07d}"},
            "child": {"givenName": GIVEN[n % len(GIVEN)], "familyName": FAMILY[n % len(FAMILY)],
                      "birthDate": birth.isoformat(), "sex": "FEMALE" if n % 2 else "MALE",
                      "personalCode": new_form_code(rng), "languages": ["lv"]},
            "legalRepresentative": {"name": "Vecāks Demo", "relationship": "mother"},
            "orphansCourtInvolved": n % 3 == 0, "orphansCourt": f"{municipality} bāriņtiesa" if n % 3 == 0 else "",
            "consent": {"givenOn": TODAY.isoformat(), "formReference": f"DEMO-{n}"},
            "traumaSigns": ["miega traucējumi", "trauksme"],
            "violenceTypes": ["EMOTIONAL", "PHYSICAL"] if n % 3 else ["NEGLECT"],
            "requestedLength": "REQUESTED_40_DAYS" if length == 40 else "REQUESTED_70_DAYS",
            "urgent": urgent, "notes": "Demonstrācijas lieta",
        }
        if urgent:
            details["urgencyReason"] = "Bērnam draud tūlītējas briesmas"
        referral = self.ctl.file("referral", "submit", request={"details": details}, token=self.tokens[municipality])
        return referral["referralId"]

    def admit(self, referral_id: str, admission: dt.date, length: int, urgent=False) -> str:
        args = ["case", "admit", referral_id, "--date", admission.isoformat(), "--length", str(length)]
        if urgent:
            args += ["--urgent-justification", "Steidzama ievietošana bez sagatavošanas sanāksmes"]
        else:
            args += ["--pre-placement-held-on", (admission - dt.timedelta(days=3)).isoformat()]
        return self.ctl.run(*args, token=self.tokens["centre"])["caseId"]

    def meeting(self, kind: str, day: dt.date, token: str, case_id="", referral_id="", actions=(), plan=False,
                minutes=True):
        participants = [{"institution": "CENTRE", "institutionName": "Ģimenes atbalsta centrs", "person": "Vadītāja"},
                        {"institution": "SOCIAL_SERVICE", "institutionName": "Sociālais dienests", "person": "Sociālā darbiniece"},
                        {"institution": "SCHOOL", "institutionName": "Skola", "person": "Klases audzinātāja"}]
        request = {"kind": kind, "startsAt": timestamp(day), "durationMinutes": 60, "mode": "IN_PERSON",
                   "place": "Centra sanāksmju telpa", "participants": participants}
        request["caseId" if case_id else "referralId"] = case_id or referral_id
        scheduled = self.ctl.file("meeting", "schedule", request=request, token=token, retry_for=30)
        if not minutes:
            return scheduled
        held = self.ctl.file("meeting", "minutes", token=token, request={
            "meetingId": scheduled["meetingId"], "heldOn": day.isoformat(),
            "attendance": [{"participantId": p["participantId"], "status": "ATTENDED"} for p in scheduled["participants"]],
            "decisions": ["Turpināt rehabilitācijas kursu"],
            "actions": [{"description": "Norunātā darbība", "ownerInstitution": owner, "ownerName": "Atbildīgā iestāde",
                         "dueOn": due.isoformat()} for owner, due in actions],
            "planApproved": plan, "finalise": True})
        return held

    def assess(self, case_id: str, point: str, day: dt.date, ratings: list[int]):
        self.ctl.file("assessment", "record", token=self.tokens["centre"], retry_for=30, request={
            "caseId": case_id, "instrumentId": "pilot-mapping", "timePoint": point, "assessedOn": day.isoformat(),
            "assessorRole": "CLINICAL_PSYCHOLOGIST", "narrative": "Kopējais vērtējums",
            "ratings": [{"itemId": f"{a}.rating", "rating": r} for a, r in zip(AREAS, ratings)],
            "areaNarratives": [{"areaId": a, "text": "Novērojumi jomā"} for a in AREAS]})

    def plan(self, case_id: str) -> int:
        draft = self.ctl.file("assessment", "plan-draft", token=self.tokens["centre"], retry_for=30, request={
            "caseId": case_id,
            "goals": [{"area": "EMOTIONAL", "description": "Mazināt trauksmi", "indicator": "Emocionālās jomas vērtējums"},
                      {"area": "SOCIAL", "description": "Uzlabot saskarsmi", "indicator": "Sociālās jomas vērtējums"}],
            "interventions": [{"serviceType": "psychologist", "specialistRole": "CLINICAL_PSYCHOLOGIST",
                               "frequency": {"times": 2, "period": "PER_WEEK"}, "minutesPerSession": 45,
                               "goalIds": ["g1"]}]})
        return draft["version"]

    def approve(self, case_id: str, version: int):
        self.ctl.run("assessment", "plan-approve", case_id, "--version", str(version), token=self.tokens["centre"],
                     retry_for=30)

    def sessions(self, case_id: str, days: list[dt.date], service_type="psychologist", minutes=45):
        for day in days:
            self.ctl.file("assessment", "log-session", token=self.tokens["centre"], request={
                "caseId": case_id, "heldOn": day.isoformat(), "serviceType": service_type,
                "specialistRole": "CLINICAL_PSYCHOLOGIST", "minutes": minutes, "participants": "CHILD",
                "note": "Sesija"})

    def summary_and_completion(self, case_id: str, last: dt.date):
        self.ctl.file("assessment", "issue-summary", token=self.tokens["centre"], request={
            "caseId": case_id, "issuedOn": (last - dt.timedelta(days=1)).isoformat(),
            "narrative": "Bērna stāvoklis uzlabojies", "destination": "HOME", "followUpPlan": "SD turpina atbalstu",
            "recommendations": [{"addressee": "ADDRESSEE_SOCIAL_SERVICE", "text": "Turpināt ģimenes atbalstu"}]})
        self.ctl.run("case", "complete", case_id, "--on", last.isoformat(), token=self.tokens["centre"], retry_for=30)

    # ----------------------------------------------------------------------------------- a child

    def course(self, n, municipality, length, days_ago, baseline, final, *, urgent=False, run_away_on=0,
               miss_meeting2=False, open_action=False):
        """Child n, admitted `days_ago` days ago; scripted up to today (or the course's end)."""
        admission = TODAY - dt.timedelta(days=days_ago)
        day = lambda k: admission + dt.timedelta(days=k - 1)  # noqa: E731
        reached = lambda k: day(k) <= TODAY  # noqa: E731
        centre = self.tokens["centre"]
        case_id = self.admit(self.refer(n, municipality, length, urgent), admission, length, urgent)
        self.assess(case_id, "BASELINE", day(9), baseline)
        version = self.plan(case_id)
        actions = [("SOCIAL_SERVICE", day(12))] if open_action else []
        self.meeting("MEETING_1", day(8), centre, case_id=case_id, actions=actions, plan=True)
        self.approve(case_id, version)
        end = run_away_on or length
        self.sessions(case_id, [day(k) for k in range(11, min(end, days_ago + 1), 4)])
        mid = 10 + (length - 10) // 2
        if run_away_on:
            self.ctl.run("case", "terminate", case_id, "--reason", "RAN_AWAY", "--on", day(run_away_on).isoformat(),
                         token=centre)
            return f"child {n:2}: {municipality:8} {length} days, ran away on day {run_away_on}"
        if reached(mid + 2):
            if not miss_meeting2:
                self.meeting("MEETING_2", day(mid), centre, case_id=case_id)
            self.assess(case_id, "MID", day(mid), [round((b + f) / 2) for b, f in zip(baseline, final)])
        if not reached(length):
            state = "meeting 2 missed, " if miss_meeting2 else ""
            return f"child {n:2}: {municipality:8} {length} days, in course ({state}day {days_ago + 1} today)"
        self.meeting("MEETING_3", day(length - 6), centre, case_id=case_id)
        self.assess(case_id, "FINAL", day(length - 2), final)
        self.summary_and_completion(case_id, day(length))
        return f"child {n:2}: {municipality:8} {length} days, completed" + (" (urgent admission)" if urgent else "")

    def waiting(self, n, municipality):
        referral_id = self.refer(n, municipality, 40)
        self.meeting("PRE_PLACEMENT", TODAY + dt.timedelta(days=5), self.tokens[municipality], referral_id=referral_id,
                     minutes=False)
        return f"child {n:2}: {municipality:8} referred, waiting; pre-placement meeting planned for " \
               f"{TODAY + dt.timedelta(days=5)}"


def completed_courses(ctl: Ctl, token: str) -> int:
    """Completed courses in the centre's pilot evaluation (both cohorts)."""
    cohorts = ctl.run("report", "evaluation", token=token).get("cohorts", [])
    return sum(int(c.get("completed", {}).get("value", 0) or 0) for c in cohorts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiltsctl", required=True)
    parser.add_argument("--address", required=True, help="the gateway's TLS address, HOST:PORT")
    parser.add_argument("--ca", required=True, help="the CA that signed the gateway's certificate")
    parser.add_argument("--socket", required=True, help="the gateway's local Unix socket (token issue)")
    parser.add_argument("--out", required=True, help="folder for the SVG chart")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()

    ctl = Ctl(args)
    pilot = Pilot(ctl, random.Random(args.seed))
    started = time.monotonic()
    print(f"== demo pilot through the gateway at {args.address} (today in Riga: {TODAY})")
    pilot.issue_tokens()
    # (municipality, length, admitted days ago, BASELINE and FINAL per area, options)
    children = [
        ("riga", 40, 140, [2, 3, 2, 2, 3, 2], [3, 4, 3, 3, 4, 3], {}),
        ("cesis", 40, 130, [3, 3, 2, 3, 4, 2], [4, 3, 3, 3, 4, 3], {}),
        ("valmiera", 40, 118, [2, 2, 2, 1, 3, 2], [3, 3, 4, 2, 3, 3], {}),
        ("jelgava", 40, 104, [1, 2, 3, 2, 3, 1], [2, 3, 3, 3, 4, 2], {"urgent": True}),
        ("riga", 40, 92, [2, 3, 3, 2, 4, 2], [3, 3, 4, 2, 4, 3], {}),
        ("riga", 40, 80, [2, 2, 1, 2, 3, 2], [2, 2, 1, 2, 3, 2], {"run_away_on": 19}),
        ("riga", 70, 160, [1, 2, 2, 1, 2, 1], [3, 4, 3, 3, 4, 3], {}),
        ("cesis", 70, 150, [2, 2, 1, 2, 3, 2], [4, 4, 3, 3, 4, 4], {}),
        ("valmiera", 70, 144, [2, 1, 2, 2, 2, 1], [4, 3, 3, 4, 3, 3], {}),
        ("jelgava", 70, 132, [1, 2, 2, 2, 3, 2], [3, 4, 4, 3, 4, 3], {}),
        ("riga", 70, 120, [2, 2, 2, 1, 3, 1], [4, 3, 4, 3, 4, 3], {}),
        ("cesis", 70, 96, [2, 3, 1, 2, 2, 2], [3, 4, 3, 4, 3, 4], {"open_action": True}),
        ("valmiera", 40, 19, [2, 2, 3, 2, 3, 2], [3, 3, 3, 3, 4, 3], {}),
        ("riga", 70, 45, [1, 2, 2, 2, 3, 2], [3, 3, 3, 3, 4, 3], {"miss_meeting2": True}),
    ]
    try:
        before = completed_courses(ctl, pilot.tokens["centre"])  # from earlier demo runs on this stack
        for n, (municipality, length, days_ago, baseline, final, options) in enumerate(children, start=1):
            print("  " + pilot.course(n, municipality, length, days_ago, baseline, final, **options), flush=True)
        print("  " + pilot.waiting(len(children) + 1, "jelgava"), flush=True)

        # The reporting service follows the other services' event streams; wait until it has every child.
        centre, ministry = pilot.tokens["centre"], pilot.tokens["ministry"]
        completed = before + sum(1 for child in children if child[2] >= child[1] - 1 and "run_away_on" not in child[5])
        deadline = time.monotonic() + 60
        while True:
            reported = completed_courses(ctl, centre)
            if reported >= completed:
                break
            if time.monotonic() > deadline:
                raise Failure(f"reporting-service shows {reported} completed courses after 60 s, not {completed}")
            time.sleep(0.5)
        print(f"  {ctl.calls} tiltsctl calls in {time.monotonic() - started:.1f} s")

        print("\n== pilot evaluation, 40 versus 70 days (as the centre)")
        print(ctl.run("report", "evaluation", token=centre, json_out=False))
        print("== pilot evaluation as the Ministry of Welfare (counts under 5 suppressed)")
        print(ctl.run("report", "evaluation", token=ministry, json_out=False))
        print("== overdue meetings and agreed actions, per case (as the centre)")
        print(ctl.run("meeting", "due", "--overdue-only", token=centre, json_out=False))
        print("== operational snapshot: in course, waiting, due this week, overdue (as the centre)")
        print(ctl.run("report", "snapshot", token=centre, json_out=False))
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        chart = out / "evaluation.svg"
        ctl.run("report", "export", "--report", "evaluation", "--format", "svg", "--output", str(chart),
                token=centre, json_out=False)
        print(f"== the evaluation chart (SVG, Latvian and English labels): {chart} ({chart.stat().st_size} bytes)")
    except Failure as failure:
        print(f"demo failed: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
