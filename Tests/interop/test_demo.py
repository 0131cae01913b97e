"""`deploy/local/up --demo` and `deploy/local/down` as a newcomer runs them (issue 8), on the built binaries.

The README's first command starts the five processes, prints their health, the gateway's TLS and h2c addresses
and two development tokens, then drives a realistic pilot through the gateway with `tiltsctl` and prints the
evaluation and overdue tables. Here it runs in its own run folder (TILTS_RUN_DIR) on free ports, so it neither
needs nor touches a developer's `run/`. Checked: every figure the demo's script makes certain (cohort counts,
the early termination, the missed meeting 2, the open agreed action, the Ministry's suppressed view), the tokens
working over TLS, the SVG chart parsing as XML and rendering to PNG (rsvg-convert), a second `up` leaving the
running stack alone, and `down` stopping all five with SIGTERM.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import support

pytestmark = pytest.mark.needs_binaries

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ["referral-service", "meeting-service", "assessment-service", "reporting-service", "tilts-gateway"]


def run_script(name, *args, env, timeout=300):
    return subprocess.run(["bash", str(ROOT / "deploy" / "local" / name), *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def row(text, first):
    """The cells (split on 2+ spaces) of the first table line starting with `first`."""
    for line in text.splitlines():
        if line.startswith(first):
            return re.split(r"\s{2,}", line.strip())
    raise AssertionError(f"no line starting with {first!r} in:\n{text}")


def section(text, heading):
    start = text.index(heading)
    end = text.find("\n== ", start + len(heading))
    return text[start:end if end != -1 else len(text)]


@pytest.fixture(scope="module")
def demo():
    directory = support.short_tempdir("tilts-demo-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILTS_")}
    env.update(TILTS_BIN_DIR=str(support.bin_dir()), TILTS_RUN_DIR=str(directory / "run"),
               TILTS_GATEWAY_PORT=str(support.free_tcp_port()), TILTS_GATEWAY_H2C_PORT=str(support.free_tcp_port()))
    try:
        up = run_script("up", "--demo", env=env)
        yield up, env, directory / "run"
    finally:
        down = run_script("down", env=env, timeout=120)
        for name in SERVICES:  # never leave a process behind, whatever the test saw
            pidfile = directory / "run" / "pids" / f"{name}.pid"
            if pidfile.exists():
                subprocess.run(["kill", "-KILL", pidfile.read_text().strip()], capture_output=True)
        support.remove_tree(directory)
        assert down.returncode == 0, down.stdout + down.stderr


def test_up_prints_health_addresses_and_working_tokens(demo):
    up, env, run = demo
    assert up.returncode == 0, f"stdout:\n{up.stdout[-6000:]}\nstderr:\n{up.stderr[-6000:]}"
    for name in SERVICES:
        assert row(up.stdout, name)[-1] == "SERVING"
    port, h2c = env["TILTS_GATEWAY_PORT"], env["TILTS_GATEWAY_H2C_PORT"]
    assert f"TLS  127.0.0.1:{port}" in up.stdout and f"h2c  127.0.0.1:{h2c}" in up.stdout
    tokens = {}
    for name in ("social-service-riga", "centre"):
        token_file = run / "tokens" / f"{name}.token"
        assert token_file.stat().st_mode & 0o077 == 0, "token files are private to the user"
        tokens[name] = token_file.read_text().strip()
        assert tokens[name].startswith("tilts_") and tokens[name] in up.stdout
    ctl = [str(support.binary("tiltsctl")), "--address", f"127.0.0.1:{port}", "--ca", str(run / "tls" / "ca.pem"),
           "--server-name", "localhost"]
    listed = subprocess.run([ctl[0], "case", "list", *ctl[1:], "--token", tokens["centre"]], capture_output=True,
                            text=True, timeout=60, env=env)
    assert listed.returncode == 0, listed.stderr
    assert len([line for line in listed.stdout.splitlines()[1:] if line.strip()]) >= 14, listed.stdout
    # The SD token sees only Riga's cases (6 of the demo's 14 admissions are Riga's), and cannot admit.
    riga = subprocess.run([ctl[0], "case", "list", *ctl[1:], "--token", tokens["social-service-riga"], "--json"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert riga.returncode == 0, riga.stderr
    municipalities = [case["municipality"] for case in json.loads(riga.stdout)["cases"]]
    assert municipalities == ["riga"] * 6, municipalities
    refused = subprocess.run([ctl[0], "case", "admit", "00000000-0000-0000-0000-000000000000", "--date", "2026-12-01",
                              *ctl[1:], "--token", tokens["social-service-riga"]], capture_output=True, text=True,
                             timeout=60, env=env)
    assert refused.returncode == 1 and refused.stderr.startswith("PERMISSION_DENIED"), refused.stderr
    # Without a token the gateway refuses.
    anonymous = subprocess.run([ctl[0], "case", "list", *ctl[1:]], capture_output=True, text=True, timeout=60, env=env)
    assert anonymous.returncode == 1 and anonymous.stderr.startswith("UNAUTHENTICATED"), anonymous.stderr


def test_the_demo_pilot_and_its_tables(demo):
    up, _, run = demo
    assert up.returncode == 0, up.stderr[-4000:]
    out = up.stdout
    assert len(re.findall(r"^  child +\d+: ", out, re.M)) == 15
    assert "ran away on day 19" in out and "meeting 2 missed" in out and "referred, waiting" in out

    centre = section(out, "== pilot evaluation, 40 versus 70 days (as the centre)")
    header = row(centre, "COHORT   REFERRED")
    c40, c70 = dict(zip(header, row(centre, "40 days"))), dict(zip(header, row(centre, "70 days")))
    # Scripted: 7 admissions per cohort (one of each in course today), 5 + 1 early end at 40, 6 at 70;
    # the waiting referral asked for 40 days.
    assert (c40["REFERRED"], c40["ADMITTED"], c40["IN COURSE"], c40["COMPLETED"], c40["ENDED EARLY"]) == \
        ("8", "7", "1", "5", "1")
    assert (c70["REFERRED"], c70["ADMITTED"], c70["IN COURSE"], c70["COMPLETED"], c70["ENDED EARLY"]) == \
        ("7", "7", "1", "6", "0")
    # The 70-day children were scripted to change more in every area: Hedges' g positive everywhere.
    emotional = row(section(centre, "AREA                           DIFFERENCE"), "EMOTIONAL")
    assert float(emotional[1]) > 0 and float(emotional[-1]) > 0

    ministry = section(out, "== pilot evaluation as the Ministry of Welfare")
    m40 = dict(zip(header, row(ministry, "40 days")))
    assert m40["IN COURSE"] == "<5" and m40["ENDED EARLY"] == "<5" and m40["COMPLETED"] == "5"

    overdue = section(out, "== overdue meetings and agreed actions, per case")
    missed = row(overdue, "MEETING_2")
    assert "riga" in missed and "yes" in missed
    assert "agreed actions past due" in overdue

    snapshot = section(out, "== operational snapshot")
    assert row(snapshot, "in course")[1].startswith("2 of ") and row(snapshot, "waiting")[1].startswith("1")
    assert row(snapshot, "agreed actions overdue")[1] == "1"
    assert row(snapshot, "meeting2")[2] == "1"

    chart = run / "demo" / "evaluation.svg"
    root = ET.parse(chart).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(t.strip() for t in root.itertext())
    assert "Emocionālā" in text or "emocion" in text.lower(), text[:500]
    assert "Emotional" in text and "70 dienu kurss / 70-day course" in text
    png = support.render_svg_to_png(chart, run / "demo" / "evaluation.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_a_second_up_leaves_the_running_stack_alone(demo):
    up, env, run = demo
    assert up.returncode == 0
    pids = {name: (run / "pids" / f"{name}.pid").read_text().strip() for name in SERVICES}
    token = (run / "tokens" / "centre.token").read_text().strip()
    again = run_script("up", env=env)
    assert again.returncode == 0, again.stderr[-4000:]
    assert again.stderr.count("already running") == 5
    assert {name: (run / "pids" / f"{name}.pid").read_text().strip() for name in SERVICES} == pids
    assert (run / "tokens" / "centre.token").read_text().strip() == token, "a working token is kept"
