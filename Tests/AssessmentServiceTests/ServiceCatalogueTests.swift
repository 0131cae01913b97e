internal import Foundation
internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages

/// The Swift catalogue table (written by `Fixtures/make_catalogue.py`) equals the TSV it came from.
@Suite struct ServiceCatalogueTests {
    static func rows(of url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static let copy: URL? = try? AssessmentFixtures.folder.appendingPathComponent("rehabilitation-services.tsv")

    /// `../shared/data/rehabilitation-services.tsv` beside the repository, when it is there.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../shared/data/rehabilitation-services.tsv"
    ).standardizedFileURL

    @Test func tableEqualsTheTSV() throws {
        let rows = try Self.rows(of: try #require(Self.copy))
        #expect(rows.count == 40)
        #expect(ServiceCatalogue.table.map { [$0.code, $0.nameLv, $0.nameEn] } == rows)
    }

    @Test func committedCopyEqualsTheSharedFile() throws {
        try #require(FileManager.default.fileExists(atPath: Self.shared.path), "no shared/ beside the repository")
        #expect(try Data(contentsOf: Self.shared) == Data(contentsOf: try #require(Self.copy)))
    }

    @Test func codesAreUniqueAndLookedUp() {
        #expect(Set(ServiceCatalogue.table.map(\.code)).count == ServiceCatalogue.table.count)
        #expect(ServiceCatalogue.type("family_therapy")?.nameLv == "Ģimenes terapija")
        #expect(!ServiceCatalogue.contains("astrology"))
    }
}
