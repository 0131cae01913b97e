internal import TiltsMessages

/// Names of meetings and institutions: English for API messages, Latvian for what people in Latvia
/// read (calendar summaries and descriptions; DESIGN section 4). Pure.
enum MeetingLabels {
    /// e.g. "meeting 1", for error messages.
    static func english(_ kind: MeetingKind) -> String {
        switch kind {
        case .prePlacement: "the pre-placement meeting"
        case .meeting1: "meeting 1"
        case .meeting2: "meeting 2"
        case .meeting3: "meeting 3"
        case .quarterlyReview: "the quarterly review"
        default: "the meeting"
        }
    }

    /// A window for error messages: `2026-12-01…2026-12-03`, or `from 2026-11-20 until admission`.
    static func window(_ window: MeetingRules.Window) -> String {
        guard let last = window.last else { return "from \(window.first) until admission" }
        return "\(window.first)…\(last)"
    }

    /// The calendar SUMMARY, in Latvian. Names no child: calendars live outside Tilts.
    static func summary(_ kind: MeetingKind, quarter: Int32) -> String {
        switch kind {
        case .prePlacement: "STIS sanāksme pirms bērna uzņemšanas centrā"
        case .meeting1: "STIS 1. sanāksme: kartēšanas rezultāti un rehabilitācijas plāna apstiprināšana"
        case .meeting2: "STIS 2. sanāksme: rehabilitācijas gaitas izvērtēšana"
        case .meeting3: "STIS 3. sanāksme: kursa noslēgums un turpmākais atbalsts"
        case .quarterlyReview: "Pilotprojekta \(quarter). ceturkšņa pārskata sanāksme"
        default: "STIS sanāksme"
        }
    }

    /// An institution kind in Latvian.
    static func latvian(_ institution: InstitutionKind) -> String {
        switch institution {
        case .socialService: "Sociālais dienests"
        case .orphansCourt: "Bāriņtiesa"
        case .centre: "Ģimenes atbalsta centrs"
        case .fund: "Latvijas Bērnu fonds"
        case .ministry: "Labklājības ministrija"
        case .childProtectionCentre: "Bērnu aizsardzības centrs"
        case .police: "Valsts policija"
        case .school: "Izglītības iestāde"
        default: "Iestāde"
        }
    }
}
