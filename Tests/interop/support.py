"""Helpers shared by the interop suite: endpoints, server processes, test certificates, health polling.

Nothing here asserts timings; every wait is bounded so a broken server fails a test instead of hanging it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
START_TIMEOUT = 10.0
STOP_TIMEOUT = 15.0

PRODUCT_EXECUTABLES = ["referral-service", "meeting-service", "assessment-service", "reporting-service", "tilts-gateway"]


def short_tempdir(prefix: str) -> Path:
    """A temporary folder under /tmp with a short path (Unix socket paths must stay under ~104 bytes)."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))


def free_tcp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def use_python_server() -> bool:
    """True when TILTS_INTEROP_SERVER=python: server-side tests judge reference_server.py instead."""
    return os.environ.get("TILTS_INTEROP_SERVER", "tilts").lower() == "python"


_bin_dir_cache: list[Path] = []


def bin_dir() -> Path:
    """$TILTS_BIN_DIR, else what `swift build --show-bin-path` prints for the repository (no build)."""
    if _bin_dir_cache:
        return _bin_dir_cache[0]
    env = os.environ.get("TILTS_BIN_DIR")
    if env:
        path = Path(env)
    else:
        out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO_ROOT, capture_output=True,
                             text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"swift build --show-bin-path failed: {out.stderr.strip()}")
        path = Path(out.stdout.strip().splitlines()[-1])
    _bin_dir_cache.append(path)
    return path


def binary(name: str) -> Path:
    path = bin_dir() / name
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise FileNotFoundError(f"{path} is missing: build it first (swift build) or set TILTS_BIN_DIR")
    return path


# ---------------------------------------------------------------------------------------------- TLS


@dataclasses.dataclass(frozen=True)
class Certs:
    dir: Path
    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    untrusted_ca: Path
    untrusted_client_cert: Path
    untrusted_client_key: Path

    def read(self, name: str) -> bytes:
        return getattr(self, name).read_bytes()


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_certs(directory: Path) -> Certs:
    """Creates a test CA, a server certificate (CN/SAN localhost, IP 127.0.0.1), a client certificate,
    and a second, untrusted CA with its own client certificate, all with the openssl CLI."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)

    def ca(name: str, cn: str) -> None:
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={cn}",
                 "-keyout", f"{name}.key", "-out", f"{name}.pem",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)

    def leaf(name: str, cn: str, issuer: str, ext: str) -> None:
        (d / f"{name}.ext").write_text(ext)
        _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={cn}",
                 "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=d)
        _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{issuer}.pem", "-CAkey", f"{issuer}.key",
                 "-CAcreateserial", "-days", "2", "-sha256", "-extfile", f"{name}.ext", "-out", f"{name}.pem", cwd=d)

    ca("ca", "Tilts Test CA")
    ca("untrusted-ca", "Untrusted Test CA")
    leaf("server", "localhost", "ca",
         "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
         "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n")
    client_ext = "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n"
    leaf("client", "tilts-test-client", "ca", client_ext)
    leaf("untrusted-client", "untrusted-client", "untrusted-ca", client_ext)
    return Certs(d, d / "ca.pem", d / "server.pem", d / "server.key", d / "client.pem", d / "client.key",
                 d / "untrusted-ca.pem", d / "untrusted-client.pem", d / "untrusted-client.key")


# ---------------------------------------------------------------------------------------- endpoints


@dataclasses.dataclass(frozen=True)
class Endpoint:
    """Where a server listens and how a grpcio client reaches it."""

    kind: str  # "unix" or "tls"
    socket_path: Path | None = None
    port: int | None = None
    certs: Certs | None = None

    @property
    def target(self) -> str:
        return f"unix:{self.socket_path}" if self.kind == "unix" else f"127.0.0.1:{self.port}"

    def channel(self, client_cert: str | None = "client", root: str = "ca", options=()) -> grpc.Channel:
        """A new grpcio channel. For TLS, `client_cert` names the key pair to present ("client",
        "untrusted_client" or None) and `root` the trust anchor ("ca" or "untrusted_ca")."""
        options = list(options)
        if self.kind == "unix":
            return grpc.insecure_channel(self.target, options=options)
        assert self.certs is not None
        key = chain = None
        if client_cert:
            key = self.certs.read(f"{client_cert}_key")
            chain = self.certs.read(f"{client_cert}_cert")
        creds = grpc.ssl_channel_credentials(root_certificates=self.certs.read(root), private_key=key,
                                             certificate_chain=chain)
        options.append(("grpc.ssl_target_name_override", "localhost"))
        return grpc.secure_channel(self.target, creds, options=options)

    def server_args(self, client_auth: str | None = None) -> list[str]:
        """The flags that make tilts-interop-server (or reference_server.py) listen here."""
        if self.kind == "unix":
            return ["--socket", str(self.socket_path)]
        assert self.certs is not None
        args = ["--port", str(self.port), "--tls-cert", str(self.certs.server_cert), "--tls-key", str(self.certs.server_key)]
        if client_auth:
            args += ["--tls-client-ca", str(self.certs.ca), "--tls-client-auth", client_auth]
        return args

    def client_args(self) -> list[str]:
        """The flags that point tilts-interop-client here."""
        if self.kind == "unix":
            return ["--socket", str(self.socket_path)]
        assert self.certs is not None
        return ["--host", "127.0.0.1", "--port", str(self.port), "--tls", "--ca", str(self.certs.ca),
                "--server-host-override", "localhost"]


def make_endpoint(kind: str, directory: Path, certs: Certs | None, name: str = "s") -> Endpoint:
    if kind == "unix":
        return Endpoint("unix", socket_path=Path(directory) / f"{name}.sock")
    return Endpoint("tls", port=free_tcp_port(), certs=certs)


# ----------------------------------------------------------------------------------------- health


def health_status(pb, channel: grpc.Channel, service: str = "", timeout: float = 1.0):
    stub = pb.health_grpc.HealthStub(channel)
    return stub.Check(pb.health.HealthCheckRequest(service=service), timeout=timeout).status


# ---------------------------------------------------------------------------------------- processes


class ServerProcess:
    """A server started as a child process, logging to a file; `stop()` sends SIGTERM and returns the exit code."""

    def __init__(self, name: str, argv: list[str], log_path: Path, env: dict | None = None):
        self.name = name
        self.argv = argv
        self.log_path = Path(log_path)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(argv, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env=env, cwd=REPO_ROOT)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self, limit: int = 4000) -> str:
        self._log.flush()
        try:
            return self.log_path.read_bytes()[-limit:].decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_serving(self, pb, endpoint: Endpoint, timeout: float = START_TIMEOUT) -> None:
        """Polls Health/Check("") until SERVING; raises with the log tail when it doesn't come."""
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode} before serving:\n{self.log_tail()}")
            if endpoint.kind == "unix" and not Path(endpoint.socket_path).exists():
                time.sleep(0.02)
                continue
            # A fresh channel per attempt: a failed connect would otherwise back off for a second or more.
            with endpoint.channel() as channel:
                try:
                    status = health_status(pb, channel, timeout=min(1.0, max(0.05, deadline - time.monotonic())))
                    if status == pb.health.HealthCheckResponse.SERVING:
                        return
                    last = f"status {status}"
                except grpc.RpcError as err:
                    last = f"{err.code()}: {err.details()}"
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer SERVING within {timeout}s ({last}):\n{self.log_tail()}")

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM, then wait; a process that does not exit in time is killed and reported as -9."""
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
                self._log.close()
                return -9
        self._log.close()
        return self.proc.returncode

class Launcher:
    """Starts servers for one fixture scope and stops them all at its end, checking each exit code."""

    def __init__(self, pb, directory: Path):
        self.pb = pb
        self.directory = directory
        self.started: list[ServerProcess] = []
        self._n = 0

    def start(self, name: str, argv: list[str], endpoint: Endpoint) -> ServerProcess:
        self._n += 1
        proc = ServerProcess(name, argv, self.directory / f"{name}-{self._n}.log")
        self.started.append(proc)
        proc.wait_serving(self.pb, endpoint)
        return proc

    def stop_all(self) -> list[str]:
        problems = []
        for proc in reversed(self.started):
            code = proc.stop()
            if code != 0:
                problems.append(f"{proc.name} (pid {proc.pid}) exited with {code} on SIGTERM:\n{proc.log_tail()}")
        self.started.clear()
        return problems


def launcher_scope(pb, directory):
    """A generator fixture body: yields a Launcher, then stops its servers and asserts clean exits."""
    launcher = Launcher(pb, directory)
    yield launcher
    problems = launcher.stop_all()
    assert not problems, "\n".join(problems)


def serve_scope(pb, gen_dir: Path, kind: str, certs: Certs | None, name: str = "interop-server",
                extra: tuple = (), reference: bool = False):
    """A generator fixture body: one TestService server on a new endpoint of `kind` ("unix" or "tls"),
    the server under test or, with `reference`, reference_server.py. Yields (endpoint, process)."""
    directory = short_tempdir("tilts-m-")
    endpoint = make_endpoint(kind, directory, certs)
    argv = (reference_server_argv if reference else interop_server_argv)([*endpoint.server_args(), *extra], gen_dir)
    try:
        for launcher in launcher_scope(pb, directory):
            yield endpoint, launcher.start(name, argv, endpoint)
    finally:
        remove_tree(directory)


def interop_server_argv(endpoint_args: list[str], gen_dir: Path) -> list[str]:
    """The command for the TestService server under test: ours, or the Python reference in python mode."""
    if use_python_server():
        return [sys.executable, str(HERE / "reference_server.py"), "--gen-dir", str(gen_dir), *endpoint_args]
    return [str(binary("tilts-interop-server")), *endpoint_args]


def reference_server_argv(endpoint_args: list[str], gen_dir: Path) -> list[str]:
    return [sys.executable, str(HERE / "reference_server.py"), "--gen-dir", str(gen_dir), *endpoint_args]


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def render_svg_to_png(svg: Path, png: Path) -> bytes:
    """Renders an SVG file with rsvg-convert (installing Debian's librsvg2-bin when missing) and returns the PNG's
    bytes; skips the calling test when the tool cannot be had."""
    import pytest
    tool = shutil.which("rsvg-convert")
    if tool is None:
        install = subprocess.run(["apt-get", "install", "-y", "-q", "librsvg2-bin"], capture_output=True, timeout=300)
        tool = shutil.which("rsvg-convert")
        if tool is None:
            pytest.skip(f"rsvg-convert is missing and apt-get could not install librsvg2-bin: {install.stderr[-300:]!r}")
    subprocess.run([tool, "-o", str(png), str(svg)], check=True, timeout=60)
    return png.read_bytes()
