#!/usr/bin/env python3
"""Writes TiltsWire's golden fixtures with the reference protobuf library.

Regenerate (from the repository root) after changing golden.proto or any file under Proto/:

    python3 -m venv /tmp/wire-venv
    /tmp/wire-venv/bin/pip install protobuf grpcio-tools
    /tmp/wire-venv/bin/python Tests/TiltsWireTests/Fixtures/make_golden.py

It writes, next to this script:

  golden.json            one record per case in CASES below: the message encoded by protobuf
                         (SerializeToString(deterministic=True), as hex) and printed by
                         google.protobuf.json_format, with JSON names and with proto names.
                         The Swift tests build the same values (GoldenCases.swift) and check
                         decoding and encoding both ways against these.
  proto-descriptors.json a summary of every message in Proto/ (all of it: add a .proto, rerun
                         this) and golden.proto: full name ->
                         fields (number, name, json_name, type, label, type_name, oneof,
                         map_key, map_value, packed). ProtoConformanceTests holds the Swift
                         field tables equal to it.
  referral-golden.json   one fully populated tilts.referral.v1.Referral (REFERRAL below),
                         encoded and printed the same way as golden.json's records.
                         ReferralMessagesTests builds the same value and checks both ways.

Nothing here runs at test time; the fixtures are committed.
"""

import importlib
import json
import os
import shutil
import sys
import tempfile

from google.protobuf import descriptor_pb2, json_format
from grpc_tools import protoc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PROTO = os.path.join(ROOT, "Proto")


def well_known_include():
    import grpc_tools

    return os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")


def run_protoc(args):
    code = protoc.main(["protoc", "-I" + well_known_include()] + args)
    if code != 0:
        sys.exit("protoc failed: %s" % " ".join(args))


def compile_golden(out_dir):
    run_protoc(["-I" + HERE, "--python_out=" + out_dir, os.path.join(HERE, "golden.proto")])
    sys.path.insert(0, out_dir)
    return importlib.import_module("golden_pb2")


def build_cases(pb):
    from google.protobuf import timestamp_pb2

    E = pb.Everything
    N = pb.Nested
    cases = []

    def case(name, message):
        cases.append((name, message))

    case("empty", E())

    m = E(f_int32=150, f_int64=1 << 40, f_uint32=4000000000, f_uint64=(1 << 63) + 5,
          f_sint32=-75, f_sint64=-(1 << 50), f_fixed32=0xDEADBEEF, f_fixed64=(1 << 64) - 2,
          f_sfixed32=-123456, f_sfixed64=-(1 << 62), f_float=1.5, f_double=0.1,
          f_bool=True, f_string="hello", f_bytes=b"\x00\x01\xfe\xff", f_color=pb.GREEN)
    case("scalars", m)

    m = E(f_int32=-1, f_int64=-(1 << 63), f_uint32=(1 << 32) - 1, f_uint64=(1 << 64) - 1,
          f_sint32=-(1 << 31), f_sint64=(1 << 63) - 1, f_fixed32=1, f_fixed64=1,
          f_sfixed32=-(1 << 31), f_sfixed64=(1 << 63) - 1, f_float=-3.4028234663852886e38,
          f_double=-2.5e-300, f_color=pb.NEGATIVE)
    case("scalars_extreme", m)

    case("negative_int32_only", E(f_int32=-2))
    case("float_specials", E(f_float=float("inf"), f_double=float("-inf")))
    case("negative_zero", E(f_float=-0.0, f_double=-0.0))
    case("non_ascii", E(f_string="Rīga — ģimene 👪 \"quoted\" \\ \n\t\u0001",
                        f_bytes=bytes(range(256))))

    m = E(f_nested=N(id=7, label="outer", children=[N(id=8), N(label="x", children=[N(id=9)])]))
    case("nested", m)
    case("nested_empty_present", E(f_nested=N()))

    m = E(r_int32=[1, -1, 300, 0], r_sint64=[-3, 3, -(1 << 40)], r_fixed32=[1, 2, 0xFFFFFFFF],
          r_double=[0.5, -0.0, 1e100], r_bool=[True, False, True], r_color=[pb.RED, pb.NEGATIVE, 5],
          r_string=["a", "", "ž"], r_bytes=[b"", b"\x01\x02"], r_nested=[N(id=1), N(), N(label="z")],
          r_unpacked_int32=[5, -5, 0], r_unpacked_uint64=[0, (1 << 64) - 1])
    case("repeated", m)

    m = E()
    m.m_string_int32["b"] = 2
    m.m_string_int32["a"] = -1
    m.m_string_int32[""] = 0
    m.m_string_int32["ū"] = 7
    m.m_int64_nested[-5].id = 1
    m.m_int64_nested[10].label = "ten"
    m.m_int64_nested[0].CopyFrom(N())
    m.m_bool_string[True] = "yes"
    m.m_bool_string[False] = ""
    m.m_sint32_color[-1] = pb.RED
    m.m_sint32_color[2] = 99
    case("maps", m)

    case("oneof_string", E(o_string="chosen"))
    case("oneof_nested", E(o_nested=N(id=3)))
    case("oneof_int64_zero", E(o_int64=0))
    case("optional_zero", E(opt_int32=0, opt_string="", opt_color=pb.COLOR_UNSPECIFIED))
    case("optional_set", E(opt_int32=-9, opt_string="x", opt_color=pb.RED))
    case("unknown_enum", E(f_color=7, r_color=[1, 42], opt_color=-100))

    ts = timestamp_pb2.Timestamp(seconds=1714552200, nanos=250000000)
    m = E(f_timestamp=ts)
    m.r_timestamp.add(seconds=0, nanos=0)
    m.r_timestamp.add(seconds=-1, nanos=999999999)
    m.r_timestamp.add(seconds=-62135596800, nanos=0)
    m.r_timestamp.add(seconds=253402300799, nanos=999999999)
    m.r_timestamp.add(seconds=951782400, nanos=1000)
    m.r_timestamp.add(seconds=1, nanos=1)
    case("timestamps", m)

    case("json_name_and_max_field", E(f_renamed=12, f_max_number=34))
    return cases


def write_golden(pb):
    records = []
    for name, message in build_cases(pb):
        data = message.SerializeToString(deterministic=True)
        assert pb.Everything.FromString(data) == message
        records.append({
            "name": name,
            "hex": data.hex(),
            "json": json_format.MessageToJson(message, indent=None, sort_keys=True),
            "json_proto_names": json_format.MessageToJson(
                message, indent=None, sort_keys=True, preserving_proto_field_name=True),
        })
    with open(os.path.join(HERE, "golden.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "make_golden.py", "cases": records}, f, indent=1, ensure_ascii=False)
        f.write("\n")


SCALAR_PACKABLE = {
    "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
    "sfixed32", "sfixed64", "float", "double", "bool", "enum",
}


def type_name(field):
    return descriptor_pb2.FieldDescriptorProto.Type.Name(field.type)[len("TYPE_"):].lower()


def summarize(file_set, packages):
    messages = {}

    def visit(prefix, message):
        full = prefix + "." + message.name if prefix else message.name
        entries = {n.name: n for n in message.nested_type if n.options.map_entry}
        fields = []
        for f in message.field:
            kind = type_name(f)
            record = {
                "number": f.number,
                "name": f.name,
                "json_name": f.json_name,
                "type": kind,
                "label": "repeated" if f.label == f.LABEL_REPEATED
                else ("optional" if f.proto3_optional else "singular"),
                "type_name": f.type_name.lstrip(".") or None,
                "oneof": None,
                "map_key": None,
                "map_value": None,
                "packed": False,
            }
            if f.HasField("oneof_index") and not f.proto3_optional:
                record["oneof"] = message.oneof_decl[f.oneof_index].name
            entry_name = f.type_name.rsplit(".", 1)[-1]
            if kind == "message" and f.label == f.LABEL_REPEATED and entry_name in entries \
                    and f.type_name.lstrip(".") == full + "." + entry_name:
                key, value = entries[entry_name].field[0], entries[entry_name].field[1]
                record.update(type="map", map_key=type_name(key), map_value=type_name(value),
                              type_name=value.type_name.lstrip(".") or None)
            elif f.label == f.LABEL_REPEATED and kind in SCALAR_PACKABLE:
                record["packed"] = f.options.packed if f.options.HasField("packed") else True
            fields.append(record)
        messages[full] = {"fields": fields}
        for nested in message.nested_type:
            if not nested.options.map_entry:
                visit(full, nested)

    for file in file_set.file:
        if file.package in packages:
            for message in file.message_type:
                visit(file.package, message)
    return messages


def proto_files():
    """Every .proto under Proto/ except grpc/testing, which is compiled from its grpc/grpc layout."""
    found = []
    for directory, _, names in os.walk(PROTO):
        if os.path.relpath(directory, PROTO).replace(os.sep, "/").startswith("grpc/testing"):
            continue
        found += [os.path.join(directory, n) for n in sorted(names) if n.endswith(".proto")]
    return sorted(found)


def write_descriptors(tmp):
    # test.proto imports "src/proto/grpc/testing/…" (its path in grpc/grpc); mirror that layout.
    src = os.path.join(tmp, "src", "proto", "grpc")
    os.makedirs(src)
    shutil.copytree(os.path.join(PROTO, "grpc", "testing"), os.path.join(src, "testing"))
    out = os.path.join(tmp, "set.pb")
    run_protoc(["-I" + PROTO, "-I" + tmp, "-I" + HERE, "--include_imports", "--descriptor_set_out=" + out]
               + proto_files()
               + [os.path.join(tmp, "src", "proto", "grpc", "testing", "test.proto"),
                  os.path.join(HERE, "golden.proto")])
    file_set = descriptor_pb2.FileDescriptorSet()
    with open(out, "rb") as f:
        file_set.ParseFromString(f.read())
    summary = summarize(file_set, {file.package for file in file_set.file})
    summary = {k: v for k, v in summary.items()
               if not k.startswith("google.protobuf.") or k == "google.protobuf.Timestamp"}
    with open(os.path.join(HERE, "proto-descriptors.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "make_golden.py", "messages": dict(sorted(summary.items()))}, f, indent=1)
        f.write("\n")


def build_referral(out_dir):
    """A Referral with every field, nested message and repeated element set."""
    run_protoc(["-I" + PROTO, "--python_out=" + out_dir,
                os.path.join(PROTO, "tilts", "common", "v1", "common.proto"),
                os.path.join(PROTO, "tilts", "referral", "v1", "referral.proto")])
    if out_dir not in sys.path:
        sys.path.insert(0, out_dir)
    r = importlib.import_module("tilts.referral.v1.referral_pb2")
    from google.protobuf import timestamp_pb2

    details = r.ReferralDetails(
        municipality="riga",
        social_service="Rīgas Sociālais dienests",
        contact=r.ContactPerson(name="Ilze Kalniņa", phone="+371 20000000", email="ilze@example.lv"),
        child=r.Child(
            given_name="Anna", family_name="Bērziņa", birth_date="2013-04-09", sex=r.FEMALE,
            personal_code="321234-56789",
            identity_document=r.IdentityDocument(kind="passport", number="UA1234567", issuing_country="UA"),
            languages=["uk", "ru", "lv"]),
        legal_representative=r.LegalRepresentative(
            name="Olena Berzina", relationship="mother", phone="+371 29999999", email="olena@example.com"),
        orphans_court_involved=True,
        orphans_court="Rīgas bāriņtiesa",
        consent=r.Consent(given_on="2025-03-01", form_reference="SD-2025/117"),
        trauma_signs=["nightmares", "withdrawal"],
        violence_types=[r.EMOTIONAL, r.NEGLECT, r.PHYSICAL],
        requested_length=r.REQUESTED_70_DAYS,
        urgent=True,
        urgency_reason="unsafe at home",
        notes="interpreter needed \"uk\"",
        planned_admission_date="2025-03-17")
    return r.Referral(
        referral_id="0b6e3f5c-2a47-4d2e-9a51-7f2c1d3e4b5a",
        status=r.PRE_PLACEMENT_MEETING_HELD,
        received_at=timestamp_pb2.Timestamp(seconds=1741078800, nanos=123000000),
        received_on="2025-03-04",
        details=details,
        case_id="9f1c2b3a-0000-4000-8000-000000000001",
        pre_placement_meeting_held_on="2025-03-10",
        closing_reason="none yet",
        closed_on="2025-03-11")


def write_referral_golden(out_dir):
    message = build_referral(out_dir)
    data = message.SerializeToString(deterministic=True)
    assert type(message).FromString(data) == message
    record = {
        "name": "referral_full",
        "hex": data.hex(),
        "json": json_format.MessageToJson(message, indent=None, sort_keys=True),
        "json_proto_names": json_format.MessageToJson(
            message, indent=None, sort_keys=True, preserving_proto_field_name=True),
    }
    with open(os.path.join(HERE, "referral-golden.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "make_golden.py", "cases": [record]}, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        pb = compile_golden(tmp)
        write_golden(pb)
        write_descriptors(tmp)
        write_referral_golden(tmp)
    print("wrote golden.json, proto-descriptors.json and referral-golden.json in", HERE)


if __name__ == "__main__":
    main()
