import Testing
import TiltsDomain
import TiltsMessages
import TiltsRPC
@testable import ReferralService

@Suite struct ReferralValidationTests {
    let today = CalendarDay(iso: "2026-11-23")!

    func valid() -> SubmitReferralRequest {
        var child = Child()
        child.givenName = "Anna"
        child.familyName = "Liepa"
        child.birthDate = "1975-11-16"
        child.sex = .female
        child.personalCode = "161175-19997"
        child.languages = ["lv"]
        var details = ReferralDetails()
        details.municipality = "riga"
        details.socialService = "SD"
        details.contact = ContactPerson()
        details.contact?.name = "K"
        details.contact?.email = "k@example.lv"
        details.child = child
        details.legalRepresentative = LegalRepresentative()
        details.legalRepresentative?.name = "M"
        details.legalRepresentative?.relationship = "mother"
        details.consent = Consent()
        details.consent?.givenOn = "2026-11-01"
        details.consent?.formReference = "F-1"
        details.violenceTypes = [.physical]
        details.requestedLength = .requested40Days
        var request = SubmitReferralRequest()
        request.requestID = "r1"
        request.details = details
        return request
    }

    func violations(_ request: SubmitReferralRequest) -> String? {
        do {
            _ = try ReferralValidation.validate(request, today: today)
            return nil
        } catch let error as RPCError {
            #expect(error.code == .invalidArgument)
            return error.message
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func theWorkedExampleIsAValidCodeButTheChildIsAnAdult() {
        // 161175-19997 is DESIGN's worked example: born 1975, so 50 on the planned admission day.
        let message = violations(valid())
        #expect(message?.contains("under 18") == true)
    }

    @Test func aChildWithAValidNewFormCodePasses() throws {
        var request = valid()
        request.details?.child?.birthDate = "2016-05-04"
        request.details?.child?.personalCode = "325678-12345"
        let accepted = try ReferralValidation.validate(request, today: today)
        #expect(accepted.ageOnPlannedAdmission == 10)
        #expect(accepted.childKey == "code:325678-12345")
    }

    @Test func aBirthDateThatDoesNotMatchTheOldFormCodeIsNamed() {
        var request = valid()
        request.details?.child?.birthDate = "2015-11-16"
        request.details?.child?.personalCode = "161115-21236"  // born 2015-11-16: matches
        #expect(violations(request) == nil)
        request.details?.child?.birthDate = "2015-11-17"
        #expect(violations(request)?.contains("details.child.personal_code") == true)
    }

    @Test func withoutACodeAnIdentityDocumentIsRequired() {
        var request = valid()
        request.details?.child?.birthDate = "2016-05-04"
        request.details?.child?.personalCode = ""
        #expect(violations(request)?.contains("details.child.identity_document") == true)
        request.details?.child?.identityDocument = IdentityDocument()
        request.details?.child?.identityDocument?.kind = "passport"
        request.details?.child?.identityDocument?.number = "UA1234567"
        request.details?.child?.identityDocument?.issuingCountry = "ua"
        #expect(violations(request) == nil)
    }

    @Test func inconsistentOrphansCourtFieldsAreNamed() {
        var request = valid()
        request.details?.child?.birthDate = "2015-11-16"
        request.details?.child?.personalCode = "161115-21236"
        request.details?.orphansCourtInvolved = true
        #expect(violations(request)?.contains("details.orphans_court") == true)
        request.details?.orphansCourtInvolved = false
        request.details?.orphansCourt = "Rīgas bāriņtiesa"
        #expect(violations(request)?.contains("details.orphans_court") == true)
    }

    @Test func missingDetailsIsAViolationNotACrash() {
        var request = SubmitReferralRequest()
        request.requestID = ""
        let message = violations(request)
        #expect(message?.contains("request_id") == true)
        #expect(message?.contains("details") == true)
    }
}
