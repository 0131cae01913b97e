"""A tiny raw HTTP/2 client (the `h2` library over a plain socket) for what grpcio cannot express:
wrong content types, hand-made gRPC frames, streams opened and reset by the thousand.

Every read is bounded by a timeout. The server closing the connection is reported, not raised.
"""

from __future__ import annotations

import dataclasses
import socket
import struct
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import h2.settings


SEND_TIMEOUT = 10.0


def grpc_frame(message: bytes, compressed: bool = False) -> bytes:
    """One gRPC length-prefixed message: flag byte, 4-byte big-endian length, bytes."""
    return struct.pack(">BI", 1 if compressed else 0, len(message)) + message


def parse_grpc_frames(data: bytes) -> list[bytes]:
    out, i = [], 0
    while i + 5 <= len(data):
        _, n = struct.unpack(">BI", data[i:i + 5])
        out.append(data[i + 5:i + 5 + n])
        i += 5 + n
    return out


def connect_unix(path, timeout: float = 5.0) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(str(path))
    return s


@dataclasses.dataclass
class Response:
    headers: dict = dataclasses.field(default_factory=dict)
    data: bytes = b""
    trailers: dict = dataclasses.field(default_factory=dict)
    reset_code: int | None = None
    ended: bool = False

    @property
    def status(self) -> int | None:
        value = self.headers.get(":status")
        return int(value) if value is not None else None

    @property
    def grpc_status(self) -> int | None:
        # Trailers-Only responses carry grpc-status in the (only) HEADERS block.
        value = self.trailers.get("grpc-status", self.headers.get("grpc-status"))
        return int(value) if value is not None else None

    @property
    def grpc_message(self) -> str | None:
        return self.trailers.get("grpc-message", self.headers.get("grpc-message"))


class H2Client:
    """One client-side HTTP/2 connection over an already connected socket."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.conn.initiate_connection()
        self.responses: dict[int, Response] = {}
        self.goaway: h2.events.ConnectionTerminated | None = None
        self.events: list = []  # every event received, in order
        self.closed = False
        self.flush()

    def flush(self) -> None:
        data = self.conn.data_to_send()
        if data and not self.closed:
            self.sock.settimeout(SEND_TIMEOUT)  # a server that stops reading for this long fails the test
            try:
                self.sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                self.closed = True

    def grpc_headers(self, path: str, content_type: str = "application/grpc", extra=()) -> list[tuple[str, str]]:
        return [(":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
                ("content-type", content_type), ("te", "trailers"), *extra]

    def start(self, headers, body: bytes | None = None, end_stream: bool = True) -> int:
        stream_id = self.conn.get_next_available_stream_id()
        self.responses[stream_id] = Response()
        self.conn.send_headers(stream_id, headers, end_stream=end_stream and body is None)
        if body is not None:
            self.send_data(stream_id, body, end_stream=end_stream)
        self.flush()
        return stream_id

    def send_data(self, stream_id: int, body: bytes, end_stream: bool = True) -> None:
        view = memoryview(body)
        while True:
            window = min(self.conn.local_flow_control_window(stream_id), self.conn.max_outbound_frame_size)
            if window <= 0 and len(view):
                self.flush()
                self.pump(0.5)
                if self.closed:
                    return
                continue
            chunk, view = view[:window], view[window:]
            self.conn.send_data(stream_id, bytes(chunk), end_stream=end_stream and not len(view))
            if not len(view):
                break
        self.flush()

    def reset(self, stream_id: int, code: int = 8) -> None:
        self.conn.reset_stream(stream_id, error_code=code)
        self.flush()

    def pump(self, timeout: float) -> bool:
        """Reads once (waiting at most `timeout`) and handles the events; False when nothing came."""
        if self.closed:
            return False
        self.sock.settimeout(timeout)
        try:
            data = self.sock.recv(65536)
        except (socket.timeout, BlockingIOError):
            return False
        except (ConnectionResetError, BrokenPipeError):
            self.closed = True
            return False
        if not data:
            self.closed = True
            return False
        try:
            events = self.conn.receive_data(data)
        except h2.exceptions.ProtocolError:
            self.closed = True
            return False
        for event in events:
            self._handle(event)
        self.flush()
        return True

    def _handle(self, event) -> None:
        self.events.append(event)
        if isinstance(event, h2.events.ResponseReceived):
            self.responses.setdefault(event.stream_id, Response()).headers = dict(event.headers)
        elif isinstance(event, h2.events.TrailersReceived):
            self.responses.setdefault(event.stream_id, Response()).trailers = dict(event.headers)
        elif isinstance(event, h2.events.DataReceived):
            self.responses.setdefault(event.stream_id, Response()).data += event.data
            self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
        elif isinstance(event, h2.events.StreamEnded):
            self.responses.setdefault(event.stream_id, Response()).ended = True
        elif isinstance(event, h2.events.StreamReset):
            response = self.responses.setdefault(event.stream_id, Response())
            response.reset_code = event.error_code
            response.ended = True
        elif isinstance(event, h2.events.ConnectionTerminated):
            self.goaway = event

    def wait(self, stream_id: int, timeout: float = 10.0) -> Response:
        """Reads until the stream ends, is reset, or the connection closes; bounded by `timeout`."""
        deadline = time.monotonic() + timeout
        response = self.responses[stream_id]
        while not response.ended and not self.closed and time.monotonic() < deadline:
            self.pump(min(0.5, max(0.01, deadline - time.monotonic())))
        return response

    def close(self) -> None:
        try:
            if not self.closed:
                self.conn.close_connection()
                self.flush()
        finally:
            self.sock.close()


def health_check_unix(path, timeout: float = 1.0) -> int | None:
    """One grpc.health.v1.Health/Check("") over a fresh connection to a Unix socket, without generated
    stubs; returns the ServingStatus number (1 = SERVING), or None when there was no OK answer."""
    try:
        sock = connect_unix(path, timeout)
    except OSError:
        return None
    client = H2Client(sock)
    try:
        sid = client.start(client.grpc_headers("/grpc.health.v1.Health/Check"), grpc_frame(b""))
        response = client.wait(sid, timeout)
        if response.grpc_status != 0:
            return None
        frames = parse_grpc_frames(response.data)
        if len(frames) != 1:
            return None
        body = frames[0]
        # HealthCheckResponse{status = 1: enum}: empty means UNKNOWN (0); else tag 0x08 then a varint.
        return 0 if body == b"" else (body[1] if len(body) >= 2 and body[0] == 0x08 else None)
    finally:
        client.close()
