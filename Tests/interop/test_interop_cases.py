"""grpc's standard interop cases, judged by a Python grpcio client, against tilts-interop-server.

Parametrized over transport (the module-scoped `interop_server` fixture: Unix socket, TCP + TLS) and over
the 14 case names. With TILTS_INTEROP_SERVER=python the same cases judge reference_server.py instead.
"""

import grpc
import pytest

import interop_cases
import support


@pytest.mark.parametrize("case", list(interop_cases.CASES))
def test_standard_case(case, pb, channel, interop_server):
    endpoint, proc = interop_server
    interop_cases.CASES[case](pb, channel)
    assert proc.alive(), f"the server died during {case}:\n{proc.log_tail()}"


# The judge itself must be able to fail: against a deliberately faulty reference server, every case
# whose outcome the server decides fails. (A client alone decides timeout_on_sleeping_server and
# cancel_after_begin, so no server can fail those.)
SERVER_DECIDED = [c for c in interop_cases.CASES if c not in ("timeout_on_sleeping_server", "cancel_after_begin")]


@pytest.fixture(scope="module")
def faulty_server(pb, gen_dir):
    for endpoint, _ in support.serve_scope(pb, gen_dir, "unix", None, "faulty-reference", ("--faulty",), reference=True):
        yield endpoint


@pytest.mark.parametrize("case", SERVER_DECIDED)
def test_cases_catch_a_faulty_server(case, pb, faulty_server):
    with faulty_server.channel() as channel:
        with pytest.raises((AssertionError, grpc.RpcError)):
            interop_cases.CASES[case](pb, channel)
