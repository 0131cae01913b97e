"""Start-to-SERVING time of a server on a Unix socket.

    startup.py --socket PATH [--runs N] -- COMMAND [ARGS...]

Runs COMMAND N times (default 5). Each time it removes the socket file, starts the process, and polls
grpc.health.v1.Health/Check("") with a raw HTTP/2 request every millisecond (a fresh connection per try,
no client-side backoff) until the answer is SERVING; then it sends SIGTERM and checks the exit code.
Prints one line: `startup_ms median=... min=... max=... runs=N clean_exits=K`.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Tests" / "interop"))
import raw_h2  # noqa: E402

SERVING = 1
LIMIT_S = 10.0


def one_start(command: list[str], sock: Path) -> tuple[float, int]:
    if sock.exists():
        sock.unlink()
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"{command[0]} exited with {proc.returncode} before serving")
            if time.perf_counter() - t0 > LIMIT_S:
                raise SystemExit(f"{command[0]} did not answer SERVING within {LIMIT_S} s")
            if sock.exists() and raw_h2.health_check_unix(sock, timeout=0.5) == SERVING:
                elapsed = (time.perf_counter() - t0) * 1000
                break
            time.sleep(0.001)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
    return elapsed, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command after --")
    times, clean = [], 0
    for _ in range(args.runs):
        ms, code = one_start(command, args.socket)
        times.append(ms)
        clean += code == 0
    print(f"startup_ms median={statistics.median(times):.1f} min={min(times):.1f} max={max(times):.1f} "
          f"runs={args.runs} clean_exits={clean}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
