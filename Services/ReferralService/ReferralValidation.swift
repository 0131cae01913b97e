internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC

/// Checks a referral against the pilot's rules before anything is stored. Pure.
///
/// Every bad field is reported at once (``FieldViolations``), named by its proto path; messages
/// never repeat the values, which are personal data.
enum ReferralValidation {
    /// What a valid referral yields for storing and indexing.
    struct Accepted {
        var birthDate: CalendarDay
        var ageOnPlannedAdmission: Int
        /// Identifies the child across referrals: the canonical personal code, or birth date and
        /// identity document. Used only to find a duplicate active referral.
        var childKey: String
    }

    static func validate(_ request: SubmitReferralRequest, today: CalendarDay) throws -> Accepted {
        var violations = FieldViolations()
        violations.require(!request.requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        guard let details = request.details else {
            violations.add("details", "is required")
            try violations.check()
            fatalError("unreachable: violations were recorded")
        }
        violations.require(!details.municipality.isEmpty, "details.municipality", "is required")
        violations.require(!details.socialService.isEmpty, "details.social_service", "is required")
        if let contact = details.contact {
            violations.require(!contact.name.isEmpty, "details.contact.name", "is required")
            violations.require(
                !contact.phone.isEmpty || !contact.email.isEmpty, "details.contact", "needs a phone or an email")
        } else {
            violations.add("details.contact", "is required")
        }

        var birthDate: CalendarDay?
        var childKey = ""
        if let child = details.child {
            violations.require(!child.givenName.isEmpty, "details.child.given_name", "is required")
            violations.require(!child.familyName.isEmpty, "details.child.family_name", "is required")
            violations.require(
                child.sex == .female || child.sex == .male, "details.child.sex", "must be FEMALE or MALE")
            birthDate = day(child.birthDate, "details.child.birth_date", required: true, &violations)
            if let born = birthDate, born > today {
                violations.add("details.child.birth_date", "is in the future")
            }
            if !child.personalCode.isEmpty {
                let result = birthDate.map { PersonalCode.validate(child.personalCode, birthDate: $0) }
                    ?? PersonalCode.validate(child.personalCode)
                switch result {
                case .success:
                    childKey = "code:" + (PersonalCode.canonical(child.personalCode) ?? child.personalCode)
                case .failure(let error):
                    violations.add("details.child.personal_code", error.message)
                }
            } else if let document = child.identityDocument, !document.kind.isEmpty, !document.number.isEmpty {
                childKey = "doc:\(document.issuingCountry.uppercased()):\(document.kind.lowercased()):\(document.number.uppercased())"
                    + ":\(child.birthDate)"
            } else {
                violations.add(
                    "details.child.identity_document",
                    "is required (kind and number) when the child has no personal code")
            }
            violations.require(!child.languages.isEmpty, "details.child.languages", "needs at least one language")
            for (index, language) in child.languages.enumerated()
            where !(2...3).contains(language.count) || !language.allSatisfy({ $0.isLetter }) {
                violations.add("details.child.languages[\(index)]", "must be an ISO 639 code such as \"lv\"")
            }
        } else {
            violations.add("details.child", "is required")
        }

        if let representative = details.legalRepresentative {
            violations.require(!representative.name.isEmpty, "details.legal_representative.name", "is required")
            violations.require(
                !representative.relationship.isEmpty, "details.legal_representative.relationship", "is required")
        } else {
            violations.add("details.legal_representative", "is required")
        }
        if details.orphansCourtInvolved {
            violations.require(
                !details.orphansCourt.isEmpty, "details.orphans_court", "is required when orphans_court_involved")
        } else {
            violations.require(
                details.orphansCourt.isEmpty, "details.orphans_court", "must be empty unless orphans_court_involved")
        }
        if let consent = details.consent {
            if let given = day(consent.givenOn, "details.consent.given_on", required: true, &violations), given > today {
                violations.add("details.consent.given_on", "is in the future")
            }
            violations.require(!consent.formReference.isEmpty, "details.consent.form_reference", "is required")
        } else {
            violations.add("details.consent", "is required (the legal representative's consent to the pilot)")
        }
        violations.require(!details.violenceTypes.isEmpty, "details.violence_types", "needs at least one type")
        for (index, type) in details.violenceTypes.enumerated()
        where ![ViolenceType.physical, .emotional, .sexual, .neglect].contains(type) {
            violations.add("details.violence_types[\(index)]", "must be PHYSICAL, EMOTIONAL, SEXUAL or NEGLECT")
        }
        violations.require(
            [RequestedLength.requested40Days, .requested70Days, .centreDecides].contains(details.requestedLength),
            "details.requested_length", "must be REQUESTED_40_DAYS, REQUESTED_70_DAYS or CENTRE_DECIDES")
        if details.urgent {
            violations.require(!details.urgencyReason.isEmpty, "details.urgency_reason", "is required when urgent")
        }
        let planned = day(details.plannedAdmissionDate, "details.planned_admission_date", required: false, &violations)
        var age = 0
        if let born = birthDate {
            age = ageInYears(birthDate: born, on: planned ?? today)
            violations.require(
                age < 18, "details.child.birth_date",
                "the child must be under 18 on the planned admission day")
        }
        try violations.check()
        return Accepted(birthDate: birthDate!, ageOnPlannedAdmission: age, childKey: childKey)
    }

    /// Parses a `YYYY-MM-DD` field, recording a violation when it is malformed (or missing and required).
    static func day(_ text: String, _ field: String, required: Bool, _ violations: inout FieldViolations) -> CalendarDay? {
        if text.isEmpty {
            if required { violations.add(field, "is required") }
            return nil
        }
        guard let day = CalendarDay(iso: text) else {
            violations.add(field, "must be a date YYYY-MM-DD")
            return nil
        }
        return day
    }
}
