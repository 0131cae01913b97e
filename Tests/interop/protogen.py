"""Generates Python stubs from the repository's Proto/ folder with grpcio-tools.

The .proto files under Proto/grpc/ declare packages `grpc.testing` and `grpc.health.v1`. Generated as they
are, their Python modules would live in a package named `grpc`, which is grpcio's own package and cannot
be extended. So the files are copied into the output folder with the top folder `grpc/` renamed to
`grpcpb/` (imports rewritten to match, including grpc's upstream `src/proto/grpc/...` import style).
Only file paths change: proto package names, and so the method paths on the wire
(`/grpc.testing.TestService/EmptyCall`), stay exactly as in Proto/.

Usage as a library: `generate(out_dir)` then `import grpcpb.testing.test_pb2` with out_dir on sys.path.
Usage as a script: `python protogen.py OUT_DIR`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PY_TOP = "grpcpb"
_IMPORT_RE = re.compile(r'^(\s*import\s+(?:public\s+|weak\s+)?")(?:src/proto/)?grpc/', re.MULTILINE)


def proto_root() -> Path:
    """The folder holding the .proto contract: $TILTS_PROTO_DIR, else the repository's Proto/."""
    return Path(os.environ.get("TILTS_PROTO_DIR") or REPO_ROOT / "Proto").resolve()


def _sources(root: Path) -> list[Path]:
    files = sorted(p.relative_to(root) for p in (root / "grpc").rglob("*.proto")) if (root / "grpc").is_dir() else []
    needed = [Path("grpc/testing/test.proto"), Path("grpc/health/v1/health.proto")]
    missing = [str(n) for n in needed if n not in files]
    if missing:
        raise FileNotFoundError(f"{root} lacks {', '.join(missing)} (set TILTS_PROTO_DIR to another Proto folder)")
    return files


def generate(out_dir: Path) -> Path:
    """Generates `grpcpb.*` modules into out_dir (replacing what was there) and returns out_dir."""
    from grpc_tools import protoc  # imported late: the script is also run by tools that only need paths

    root = proto_root()
    files = _sources(root)
    out_dir = Path(out_dir)
    src = out_dir / "_proto"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for rel in files:
        dest = src / PY_TOP / rel.relative_to("grpc")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(_IMPORT_RE.sub(rf"\g<1>{PY_TOP}/", (root / rel).read_text()))
    # Tilts' own protos (package tilts.*) need no renaming: copy them as they are.
    tilts = sorted(p.relative_to(root) for p in (root / "tilts").rglob("*.proto")) if (root / "tilts").is_dir() else []
    for rel in tilts:
        dest = src / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text((root / rel).read_text())
    well_known = Path(protoc.__file__).parent / "_proto"
    rels = [str(Path(PY_TOP) / r.relative_to("grpc")) for r in files] + [str(r) for r in tilts]
    args = ["protoc", f"-I{src}", f"-I{well_known}", f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *rels]
    if protoc.main(args) != 0:
        raise RuntimeError(f"grpc_tools.protoc failed on {root}")
    return out_dir


def import_stubs(out_dir: Path):
    """Returns a namespace with the generated modules (pb.test, pb.messages, pb.empty, pb.health + _grpc)."""
    import importlib
    import types

    if str(out_dir) not in sys.path:
        sys.path.insert(0, str(out_dir))
    mods = {
        "empty": "grpcpb.testing.empty_pb2",
        "messages": "grpcpb.testing.messages_pb2",
        "test_grpc": "grpcpb.testing.test_pb2_grpc",
        "test": "grpcpb.testing.test_pb2",
        "health": "grpcpb.health.v1.health_pb2",
        "health_grpc": "grpcpb.health.v1.health_pb2_grpc",
    }
    optional = {
        "common": "tilts.common.v1.common_pb2",
        "referral": "tilts.referral.v1.referral_pb2",
        "referral_grpc": "tilts.referral.v1.referral_pb2_grpc",
        "assessment": "tilts.assessment.v1.assessment_pb2",
        "assessment_grpc": "tilts.assessment.v1.assessment_pb2_grpc",
        "meeting": "tilts.meeting.v1.meeting_pb2",
        "meeting_grpc": "tilts.meeting.v1.meeting_pb2_grpc",
        "reporting": "tilts.reporting.v1.reporting_pb2",
        "reporting_grpc": "tilts.reporting.v1.reporting_pb2_grpc",
    }
    for key, name in optional.items():
        try:
            mods[key] = name
            importlib.import_module(name)
        except ImportError:
            del mods[key]
    return types.SimpleNamespace(**{k: importlib.import_module(v) for k, v in mods.items()})


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: protogen.py OUT_DIR")
    print(generate(Path(sys.argv[1])))
