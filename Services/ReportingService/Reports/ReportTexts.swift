internal import TiltsMessages

/// The reports' plain-language caveats and labels, in Latvian (for people in Latvia, DESIGN
/// section 4) and English. Texts never contain a count that suppression might hide. Pure.
enum ReportTexts {
    static func cohortUnder10(length: Int) -> Caveat {
        Caveat(
            code: "COHORT_UNDER_10",
            textLv: "\(length) dienu kursa grupā ir mazāk nekā 10 bērnu: tās vidējie rādītāji un grupu salīdzinājums ir ļoti "
                + "nenoteikti, un no tiem nevar izdarīt secinājumus par kursa garuma ietekmi.",
            textEn: "The \(length)-day cohort has fewer than 10 children: its averages and the comparison between the cohorts "
                + "are very uncertain and cannot support conclusions about the effect of course length.")
    }

    static let allocationNotRandomized = Caveat(
        code: "ALLOCATION_NOT_RANDOMIZED",
        textLv: "Kursa garums netika piešķirts nejaušināti: vismaz daļai bērnu to izvēlējās sociālais dienests vai centrs. "
            + "Grupas varēja atšķirties jau sākumā, tāpēc rezultātu atšķirības var nebūt kursa garuma sekas.",
        textEn: "Course length was not allocated at random: for at least some children the social service or the centre "
            + "chose it. The cohorts may have differed from the start, so differences in outcomes may not be caused by "
            + "the course length.")

    static let suppressionApplied = Caveat(
        code: "SUPPRESSION_APPLIED",
        textLv: "Skaitļi no 1 līdz 4 un rādītāji, kas aprēķināti no mazāk nekā 5 bērniem, ir slēpti, lai bērnus nevarētu "
            + "atpazīt; daži citi skaitļi ir slēpti, lai slēptos nevarētu aprēķināt no kopsummām.",
        textEn: "Counts from 1 to 4, and figures computed from fewer than 5 children, are hidden so that no child can be "
            + "identified; some other numbers are hidden so that the hidden ones cannot be worked out from totals.")

    static func inProgress(asOf: String) -> Caveat {
        Caveat(
            code: "PERIOD_IN_PROGRESS",
            textLv: "Periods vēl nav beidzies: skaitļi atspoguļo stāvokli \(asOf).",
            textEn: "The period has not ended: the figures show the state on \(asOf).")
    }

    static let municipalityScope = Caveat(
        code: "MUNICIPALITY_SCOPE",
        textLv: "Pārskatā ir tikai jūsu pašvaldības bērni.",
        textEn: "The report covers your municipality's children only.")

    /// The pilot areas' names for charts and CSV.
    static func areaName(_ area: AssessmentArea) -> (lv: String, en: String) {
        switch area {
        case .emotional: ("Emocionālā joma", "Emotional")
        case .social: ("Sociālā joma", "Social")
        case .behavioural: ("Uzvedība", "Behavioural")
        case .cognitive: ("Izziņas joma", "Cognitive")
        case .physical: ("Fiziskā joma", "Physical")
        case .environmentAndRelationships: ("Vide un attiecības", "Environment and relationships")
        default: ("Cita joma", "Other")
        }
    }
}
