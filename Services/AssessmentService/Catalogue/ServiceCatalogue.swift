internal import TiltsMessages

/// The catalogue of social rehabilitation service types that plan interventions and sessions name
/// by code (`ListServiceTypes`). Seeded from `../shared/data/rehabilitation-services.tsv` through
/// the generated ``table``; read-only. Pure; use anywhere.
enum ServiceCatalogue {
    private static let byCode: [String: RehabilitationServiceType] = Dictionary(
        table.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The type with `code`, if the catalogue has it.
    static func type(_ code: String) -> RehabilitationServiceType? { byCode[code] }

    static func contains(_ code: String) -> Bool { byCode[code] != nil }
}
