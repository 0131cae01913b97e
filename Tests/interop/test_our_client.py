"""The reverse direction: our `tilts-interop-client` runs every standard case against the Python grpcio
reference server (reference_server.py), over a Unix socket and over TCP + TLS.

Parametrized over transport (module-scoped `reference`: unix, tls) and the 14 case names; plus checks
that the client fails (non-zero exit) against a deliberately faulty reference server and on bad input.
Needs the Swift binaries (skipped with TILTS_INTEROP_SERVER=python).
"""

import subprocess

import pytest

import interop_cases
import support

pytestmark = pytest.mark.needs_binaries
CLIENT_TIMEOUT = 60


@pytest.fixture(scope="module", params=["unix", "tls"])
def reference(request, pb, gen_dir, certs):
    for endpoint, _ in support.serve_scope(pb, gen_dir, request.param, certs, "reference-server", reference=True):
        yield endpoint


@pytest.fixture(scope="module")
def faulty_reference(pb, gen_dir):
    for endpoint, _ in support.serve_scope(pb, gen_dir, "unix", None, "faulty-reference", ("--faulty",), reference=True):
        yield endpoint


def run_client(endpoint, case: str) -> subprocess.CompletedProcess:
    argv = [str(support.binary("tilts-interop-client")), *endpoint.client_args(), "--test-case", case]
    return subprocess.run(argv, capture_output=True, text=True, timeout=CLIENT_TIMEOUT, stdin=subprocess.DEVNULL)


def describe(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\nargv: {result.args}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"


@pytest.mark.parametrize("case", list(interop_cases.CASES))
def test_our_client_passes(case, reference):
    result = run_client(reference, case)
    assert result.returncode == 0, describe(result)


@pytest.mark.parametrize("case", [c for c in interop_cases.CASES
                                  if c not in ("timeout_on_sleeping_server", "cancel_after_begin")])
def test_our_client_notices_a_faulty_server(case, faulty_reference):
    result = run_client(faulty_reference, case)
    assert result.returncode != 0, f"{case} passed against a server that answers it wrongly\n{describe(result)}"
    assert (result.stdout + result.stderr).strip(), "a failing client must say why"


def test_unknown_test_case_is_an_error(reference):
    result = run_client(reference, "no_such_case")
    assert result.returncode != 0, describe(result)


def test_unreachable_server_is_an_error(tmp_dir):
    endpoint = support.make_endpoint("unix", tmp_dir, None)  # nothing listens there
    result = run_client(endpoint, "empty_unary")
    assert result.returncode != 0, describe(result)
