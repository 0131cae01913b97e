internal import TiltsMessages

/// The built-in "pilot mapping instrument": the six areas of the pilot's mapping (DESIGN section
/// 2), each rated once from 1 (severe difficulties) to 5 (age-appropriate) with a narrative.
///
/// Version 1 never changes; a changed definition is a new version (added here or loaded from a
/// file), so every stored assessment keeps meaning what it meant.
enum PilotMappingInstrument {
    static let instrumentID = "pilot-mapping"
    static let scaleID = "difficulty-1-5"

    /// The area ids, in the pilot's order, with their Latvian names and the item's question.
    static let areas: [(id: String, area: AssessmentArea, name: String, item: String)] = [
        ("emotional", .emotional, "Emocionālā joma", "Bērna emocionālais stāvoklis"),
        ("social", .social, "Sociālā joma", "Bērna sociālās prasmes un saskarsme"),
        ("behavioural", .behavioural, "Uzvedība", "Bērna uzvedība"),
        ("cognitive", .cognitive, "Kognitīvā joma", "Bērna kognitīvās spējas un mācīšanās"),
        ("physical", .physical, "Fiziskā joma", "Bērna fiziskā veselība un attīstība"),
        ("environment_and_relationships", .environmentAndRelationships, "Vide un attiecības",
         "Bērna dzīves vide un attiecības ar tuviniekiem"),
    ]

    static let anchors: [(value: Int32, code: String, text: String)] = [
        (1, "SEVERE", "Smagas grūtības"),
        (2, "MARKED", "Izteiktas grūtības"),
        (3, "MODERATE", "Mērenas grūtības"),
        (4, "MILD", "Vieglas grūtības"),
        (5, "AGE_APPROPRIATE", "Atbilst vecumam"),
    ]

    /// The item id of an area: `<area id>.rating`.
    static func itemID(_ areaID: String) -> String { "\(areaID).rating" }

    static let version1: Instrument = {
        var instrument = Instrument()
        instrument.instrumentID = instrumentID
        instrument.version = 1
        instrument.name = "Pilotprojekta kartēšanas instruments"
        instrument.description =
            "Bērna stāvokļa novērtējums sešās jomās skalā no 1 (smagas grūtības) līdz 5 (atbilst vecumam), "
            + "katrai jomai ar aprakstu."
        var scale = InstrumentScale()
        scale.scaleID = scaleID
        scale.minValue = 1
        scale.maxValue = 5
        scale.anchors = anchors.map { ScaleAnchor(value: $0.value, text: $0.text) }
        instrument.scales = [scale]
        for entry in areas {
            var area = InstrumentArea()
            area.areaID = entry.id
            area.name = entry.name
            area.pilotArea = entry.area
            area.higherIsBetter = true
            area.maxMissingItems = 0
            area.bands = anchors.map { ScoreBand(minScore: $0.value, maxScore: $0.value, code: $0.code, label: $0.text) }
            instrument.areas.append(area)
            instrument.items.append(InstrumentItem(itemID: itemID(entry.id), areaID: entry.id, scaleID: scaleID, text: entry.item))
        }
        instrument.areaNarrativesRequired = true
        instrument.origin = "built-in"
        return instrument
    }()
}
