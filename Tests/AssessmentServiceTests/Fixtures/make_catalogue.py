#!/usr/bin/env python3
"""Writes the assessment service's catalogue of social rehabilitation service types as Swift source.

The catalogue's source of truth is ../shared/data/rehabilitation-services.tsv (code, name_lv, name_en:
the 40 types that municipal individual support plans use). The service embeds it as a Swift table, so
the executable needs no resource file. Rerun from the repository root after the TSV changes:

    python3 Tests/AssessmentServiceTests/Fixtures/make_catalogue.py [path/to/rehabilitation-services.tsv]

It writes
  Services/AssessmentService/Catalogue/ServiceCatalogue+Table.swift   the table, in the TSV's order
  Tests/AssessmentServiceTests/Fixtures/rehabilitation-services.tsv    a copy of the TSV
ServiceCatalogueTests holds the Swift table equal to the copy, and the copy equal to the shared file
when that is present.
"""

import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_TSV = os.path.join(ROOT, "..", "shared", "data", "rehabilitation-services.tsv")
OUT = os.path.join(ROOT, "Services", "AssessmentService", "Catalogue", "ServiceCatalogue+Table.swift")
COPY = os.path.join(HERE, "rehabilitation-services.tsv")


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TSV
    with open(source, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    if header != ["code", "name_lv", "name_en"] or any(len(r) != 3 for r in rows):
        sys.exit(f"{source}: expected three tab-separated columns code, name_lv, name_en")
    body = "\n".join(
        f"        RehabilitationServiceType(code: {swift_string(c)}, nameLv: {swift_string(lv)}, nameEn: {swift_string(en)}),"
        for c, lv, en in rows)
    text = f"""internal import TiltsMessages

// Written by Tests/AssessmentServiceTests/Fixtures/make_catalogue.py from rehabilitation-services.tsv;
// edit the TSV and rerun the script rather than editing this table.

extension ServiceCatalogue {{
    /// The {len(rows)} service types of the municipal individual support plans, in the TSV's order.
    static let table: [RehabilitationServiceType] = [
{body}
    ]
}}
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    if os.path.abspath(source) != os.path.abspath(COPY):
        shutil.copyfile(source, COPY)
    print(f"wrote {len(rows)} service types to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
