"""Fixtures for the interop suite.

- `pb`: Python stubs generated from Proto/ at test time (see protogen.py).
- `certs`: a test CA, server, client and untrusted certificates made with the openssl CLI.
- `launch`: starts a server process on an endpoint, waits (bounded) until Health/Check answers SERVING,
  and at teardown sends SIGTERM and asserts a clean exit (code 0).
- `interop_server`: `tilts-interop-server` (or, with TILTS_INTEROP_SERVER=python, the Python reference
  server) for one module, parametrized over transport: "unix" (Unix socket) and "tls" (TCP + TLS).

Binaries come from $TILTS_BIN_DIR, else from `swift build --show-bin-path`.
"""

from __future__ import annotations

import os

import pytest

import protogen
import support

TRANSPORTS = ["unix", "tls"]


@pytest.fixture(scope="session")
def gen_dir():
    directory = support.short_tempdir("tilts-gen-")
    protogen.generate(directory)
    yield directory
    support.remove_tree(directory)


@pytest.fixture(scope="session")
def pb(gen_dir):
    return protogen.import_stubs(gen_dir)


@pytest.fixture(scope="session")
def session_dir():
    directory = support.short_tempdir("tilts-it-")
    yield directory
    support.remove_tree(directory)


@pytest.fixture(scope="session")
def certs(session_dir):
    return support.make_certs(session_dir / "certs")


@pytest.fixture
def launch(pb, tmp_dir):
    yield from support.launcher_scope(pb, tmp_dir)


@pytest.fixture
def tmp_dir():
    """A short per-test folder (pytest's tmp_path can exceed the Unix socket path limit)."""
    directory = support.short_tempdir("tilts-t-")
    yield directory
    support.remove_tree(directory)


@pytest.fixture(scope="module", params=TRANSPORTS)
def interop_server(request, pb, gen_dir, certs):
    """(endpoint, process) of the TestService server under test, shared by a module's tests per transport."""
    yield from support.serve_scope(pb, gen_dir, request.param, certs)


@pytest.fixture(scope="module")
def unix_server(pb, gen_dir):
    """(endpoint, process) of the TestService server under test on a Unix socket only (raw HTTP/2 tests)."""
    yield from support.serve_scope(pb, gen_dir, "unix", None)


@pytest.fixture
def channel(interop_server):
    endpoint, _ = interop_server
    with endpoint.channel() as ch:
        yield ch


@pytest.fixture
def stub(pb, channel):
    return pb.test_grpc.TestServiceStub(channel)


def pytest_report_header(config):
    mode = "python reference server" if support.use_python_server() else "tilts-interop-server"
    return [f"interop: server under test = {mode}; proto dir = {protogen.proto_root()}"]


def pytest_collection_modifyitems(config, items):
    if not support.use_python_server():
        return
    skip_ours = pytest.mark.skip(reason="TILTS_INTEROP_SERVER=python: this checks a behaviour specific to our server")
    skip_bins = pytest.mark.skip(reason="TILTS_INTEROP_SERVER=python: needs the Swift executables")
    for item in items:
        if "tilts_only" in item.keywords and not os.environ.get("TILTS_RUN_TILTS_ONLY"):
            item.add_marker(skip_ours)
        if "needs_binaries" in item.keywords:
            item.add_marker(skip_bins)
