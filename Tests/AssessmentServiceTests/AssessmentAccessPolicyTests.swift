internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages
internal import TiltsRPC

@Suite struct AssessmentAccessPolicyTests {
    func principal(_ kind: InstitutionKind, _ municipality: String = "") -> Principal {
        var principal = Principal()
        principal.institution = kind
        principal.municipality = municipality
        return principal
    }

    func code(_ body: () throws -> Void) -> StatusCode? {
        do {
            try body()
            return nil
        } catch {
            return RPCError.from(error).code
        }
    }

    @Test func onlyTheCentreWrites() {
        #expect(code { try AssessmentAccessPolicy.centreOnly(principal(.centre), "X") } == nil)
        for kind in [InstitutionKind.socialService, .orphansCourt, .ministry, .fund, .operator, .school] {
            #expect(code { try AssessmentAccessPolicy.centreOnly(principal(kind, "riga"), "X") } == .permissionDenied)
        }
    }

    @Test func theChildsSDAndBTReadPlanAndSummaryOfTheirMunicipalityOnly() {
        for kind in [InstitutionKind.socialService, .orphansCourt] {
            #expect(code { try AssessmentAccessPolicy.planOrSummary(principal(kind, "riga"), "GetPlan") } == nil)
            #expect(code { try AssessmentAccessPolicy.see(principal(kind, "riga"), caseID: "c", municipality: "riga") } == nil)
            #expect(code { try AssessmentAccessPolicy.see(principal(kind, "cesis"), caseID: "c", municipality: "riga") } == .notFound)
            #expect(!AssessmentAccessPolicy.seesDrafts(principal(kind, "riga")))
        }
        #expect(AssessmentAccessPolicy.seesDrafts(principal(.centre)))
    }

    @Test func ministryAndFundReadNothingAndOnlyServicesWatchEvents() {
        for kind in [InstitutionKind.ministry, .fund] {
            #expect(code { try AssessmentAccessPolicy.planOrSummary(principal(kind), "GetFinalSummary") } == .permissionDenied)
            #expect(code { try AssessmentAccessPolicy.referenceData(principal(kind), "ListInstruments") } == .permissionDenied)
        }
        #expect(code { try AssessmentAccessPolicy.watchEvents(principal(.operator)) } == nil)
        #expect(code { try AssessmentAccessPolicy.watchEvents(principal(.centre)) } == .permissionDenied)
    }
}
