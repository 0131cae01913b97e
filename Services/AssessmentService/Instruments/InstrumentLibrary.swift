internal import Foundation
internal import TiltsMessages
internal import TiltsWire

/// The instruments this process scores with: the built-in pilot mapping instrument and those
/// loaded from `instruments_dir` at start.
///
/// Each file in the folder ending in `.json` holds one ``Instrument`` in the proto3 JSON mapping
/// (e.g. a licensed questionnaire the centre holds permission for; none ships with the code).
/// Every definition is checked (``problems(in:)``) before the service starts, and a file that
/// fails stops the start with the file's name and what is wrong: a service must never score with
/// an instrument it misreads. `(instrument_id, version)` must be unique across all sources.
///
/// Immutable after creation; share it freely between tasks.
struct InstrumentLibrary: Sendable {
    /// Sorted by instrument id, then version.
    let instruments: [Instrument]

    /// The built-in instruments plus `extra`.
    /// - Throws: ``InstrumentLibraryError`` for an invalid definition or a duplicate id and version.
    init(extra: [Instrument] = []) throws {
        var all = [PilotMappingInstrument.version1]
        for instrument in extra {
            let problems = Self.problems(in: instrument)
            guard problems.isEmpty else {
                throw InstrumentLibraryError(
                    "instrument \(instrument.origin.isEmpty ? instrument.instrumentID : instrument.origin) is invalid: "
                        + problems.joined(separator: "; "))
            }
            if let clash = all.first(where: { $0.instrumentID == instrument.instrumentID && $0.version == instrument.version }) {
                throw InstrumentLibraryError(
                    "instrument \(instrument.instrumentID) version \(instrument.version) from \(instrument.origin) "
                        + "is already defined by \(clash.origin); a changed definition needs a new version")
            }
            all.append(instrument)
        }
        instruments = all.sorted { ($0.instrumentID, $0.version) < ($1.instrumentID, $1.version) }
    }

    /// Loads every `*.json` file of `directory` (sorted by name) next to the built-in instruments.
    /// - Throws: ``InstrumentLibraryError`` for an unreadable folder or file, JSON that is not an
    ///   `Instrument`, or an invalid definition.
    static func loading(directory: String?) throws -> InstrumentLibrary {
        guard let directory, !directory.isEmpty else { return try InstrumentLibrary() }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw InstrumentLibraryError("cannot read instruments_dir \(directory)")
        }
        var loaded: [Instrument] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw InstrumentLibraryError("cannot read instrument file \(path)")
            }
            var instrument: Instrument
            do {
                instrument = try Instrument(jsonString: text)
            } catch {
                throw InstrumentLibraryError("instrument file \(path) is not a tilts.assessment.v1.Instrument in JSON: \(error)")
            }
            instrument.origin = name
            loaded.append(instrument)
        }
        return try InstrumentLibrary(extra: loaded)
    }

    /// The instrument `id` at `version`, or its latest version when `version` is 0.
    func instrument(_ id: String, version: Int32) -> Instrument? {
        let versions = instruments.filter { $0.instrumentID == id }
        if version == 0 { return versions.last }
        return versions.first { $0.version == version }
    }

    /// The versions defined for `id`, ascending.
    func versions(of id: String) -> [Int32] {
        instruments.filter { $0.instrumentID == id }.map(\.version)
    }

    /// What is wrong with a definition; empty when it can be used.
    static func problems(in instrument: Instrument) -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ problem: @autoclosure () -> String) { if !condition { problems.append(problem()) } }
        let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        check(
            !instrument.instrumentID.isEmpty && instrument.instrumentID.allSatisfy { idCharacters.contains($0) },
            "instrument_id must be lower-case letters, digits, '-', '_' or '.'")
        check(instrument.version >= 1, "version must be 1 or more")
        check(!instrument.name.isEmpty, "name is required")
        var scales: [String: InstrumentScale] = [:]
        for scale in instrument.scales {
            check(scales[scale.scaleID] == nil && !scale.scaleID.isEmpty, "scale ids must be unique and not empty")
            check(scale.minValue < scale.maxValue, "scale \(scale.scaleID): min_value must be below max_value")
            for anchor in scale.anchors {
                check(
                    (scale.minValue...max(scale.minValue, scale.maxValue)).contains(anchor.value),
                    "scale \(scale.scaleID): anchor \(anchor.value) is outside the scale")
            }
            scales[scale.scaleID] = scale
        }
        var areaIDs: Set<String> = []
        for area in instrument.areas {
            check(!area.areaID.isEmpty && areaIDs.insert(area.areaID).inserted, "area ids must be unique and not empty")
        }
        var itemIDs: Set<String> = []
        for item in instrument.items {
            check(!item.itemID.isEmpty && itemIDs.insert(item.itemID).inserted, "item ids must be unique and not empty")
            check(areaIDs.contains(item.areaID), "item \(item.itemID): area '\(item.areaID)' is not defined")
            check(scales[item.scaleID] != nil, "item \(item.itemID): scale '\(item.scaleID)' is not defined")
        }
        for area in instrument.areas {
            let items = instrument.items.filter { $0.areaID == area.areaID }
            check(!items.isEmpty, "area \(area.areaID) has no items")
            check(
                area.maxMissingItems >= 0 && Int(area.maxMissingItems) < max(items.count, 1),
                "area \(area.areaID): max_missing_items must be below its number of items")
            guard !area.bands.isEmpty, !items.isEmpty, items.allSatisfy({ scales[$0.scaleID] != nil }) else { continue }
            let lowest = items.reduce(Int32(0)) { $0 + scales[$1.scaleID]!.minValue }
            let highest = items.reduce(Int32(0)) { $0 + scales[$1.scaleID]!.maxValue }
            let bands = area.bands.sorted { $0.minScore < $1.minScore }
            var next = lowest
            for band in bands {
                check(band.minScore <= band.maxScore, "area \(area.areaID): band \(band.code) has min_score above max_score")
                check(band.minScore == next, "area \(area.areaID): bands must cover \(lowest) to \(highest) without gaps or overlaps")
                next = band.maxScore + 1
            }
            check(next == highest + 1, "area \(area.areaID): bands must cover \(lowest) to \(highest) without gaps or overlaps")
        }
        return problems
    }
}

/// An instrument definition that cannot be used; the process does not start.
struct InstrumentLibraryError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
