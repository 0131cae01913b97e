internal import Foundation
internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages

@Suite struct InstrumentLibraryTests {
    @Test func builtInPilotInstrumentIsValid() throws {
        #expect(InstrumentLibrary.problems(in: PilotMappingInstrument.version1).isEmpty)
        let library = try InstrumentLibrary()
        #expect(library.instrument("pilot-mapping", version: 0)?.version == 1)
        #expect(library.instrument("pilot-mapping", version: 2) == nil)
        #expect(PilotMappingInstrument.version1.areas.count == 6)
        #expect(PilotMappingInstrument.version1.scales.first?.anchors.map(\.value) == [1, 2, 3, 4, 5])
    }

    @Test func loadsInstrumentFilesFromAFolder() throws {
        let library = try InstrumentLibrary.loading(directory: try AssessmentFixtures.folder.appendingPathComponent("instruments").path)
        #expect(library.instruments.map(\.instrumentID) == ["example-questionnaire", "pilot-mapping"])
        let example = try #require(library.instrument("example-questionnaire", version: 1))
        #expect(example.origin == "example-questionnaire.json")
        #expect(example.items.filter(\.reverseScored).map(\.itemID) == ["w3", "f2"])
    }

    @Test func invalidDefinitionsAreRefusedWithTheirProblems() throws {
        var broken = try AssessmentFixtures.exampleInstrument()
        broken.items[3].scaleID = "missing"
        broken.areas[0].bands.removeLast()
        broken.areas[1].maxMissingItems = 2
        let problems = InstrumentLibrary.problems(in: broken)
        #expect(problems.contains("item f1: scale 'missing' is not defined"))
        #expect(problems.contains { $0.hasPrefix("area worries: bands must cover") })
        #expect(problems.contains("area friends: max_missing_items must be below its number of items"))
        #expect(throws: InstrumentLibraryError.self) { try InstrumentLibrary(extra: [broken]) }
    }

    @Test func aSecondDefinitionOfOneVersionIsRefused() throws {
        var copy = PilotMappingInstrument.version1
        copy.origin = "copy.json"
        #expect(throws: InstrumentLibraryError.self) { try InstrumentLibrary(extra: [copy]) }
        copy.version = 2
        #expect(try InstrumentLibrary(extra: [copy]).versions(of: "pilot-mapping") == [1, 2])
    }
}
