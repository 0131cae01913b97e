internal import Foundation
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsTransport
internal import TiltsWire

/// The gRPC services a caller reaches through the gateway.
enum TiltsAPI: String, Sendable {
    case referral = "tilts.referral.v1.ReferralService"
    case meeting = "tilts.meeting.v1.MeetingService"
    case assessment = "tilts.assessment.v1.AssessmentService"
    case reporting = "tilts.reporting.v1.ReportingService"
    case audit = "tilts.gateway.v1.AuditService"
    case admin = "tilts.gateway.v1.AdminService"
}

/// One institution calling the gateway as a municipal system (or the centre's software) does: the
/// project's own client (``RPCClient`` over a TLS ``GRPCClientConnection``), typed messages, and
/// `authorization: Bearer <token>` on every call.
///
/// Value type; share it between tasks freely.
struct GatewayCaller: Sendable {
    /// Who this is, for failure messages.
    let name: String
    /// How the audit log names this caller: `token:<token id>`.
    let subject: String
    let rpc: RPCClient
    let metadata: Metadata

    /// Calls unary method `method` of `api`; `requestID` travels as `x-request-id`.
    /// - Throws: ``RPCError`` with the status when it is not OK.
    func call<Request: Message, Response: Message>(
        _ api: TiltsAPI, _ method: String, _ request: Request, requestID: String? = nil, as: Response.Type = Response.self
    ) async throws -> Response {
        try await callWithMetadata(api, method, request, requestID: requestID).message
    }

    /// As ``call(_:_:_:requestID:as:)``, with the response headers and trailers.
    func callWithMetadata<Request: Message, Response: Message>(
        _ api: TiltsAPI, _ method: String, _ request: Request, requestID: String? = nil, as: Response.Type = Response.self
    ) async throws -> ClientResponse<Response> {
        var metadata = metadata
        if let requestID { metadata.add("x-request-id", requestID) }
        return try await rpc.unaryResponse(
            MethodDescriptor(service: api.rawValue, method: method), request: request, metadata: metadata,
            timeout: .seconds(10))
    }

    /// The status of a call expected to be refused; nil when it succeeded.
    func refusal<Request: Message, Response: Message>(
        _ api: TiltsAPI, _ method: String, _ request: Request, as: Response.Type
    ) async -> RPCError? {
        do {
            _ = try await call(api, method, request, as: Response.self)
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(code: .unknown, message: "\(error)")
        }
    }
}

extension StackHarness {
    /// Issues a bearer token for an institution through the gateway's AdminService on its local
    /// socket (this process runs as the gateway's uid, so it is the OPERATOR there, as the
    /// deployment's administrator is), and returns a caller that presents it over TLS.
    func caller(
        _ institution: InstitutionKind, municipality: String = "", name: String, roles: [String] = []
    ) async throws -> GatewayCaller {
        let local = try GRPCClientConnection(target: .unixSocket(path: gatewaySocket))
        let request = IssueTokenRequest(institution: institution, municipality: municipality, displayName: name, roles: roles)
        let issued: IssueTokenResponse
        do {
            issued = try await RPCClient(transport: local).unary(
                MethodDescriptor(service: TiltsAPI.admin.rawValue, method: "IssueToken"), request: request,
                timeout: .seconds(10))
            await local.close()
        } catch {
            await local.close()
            throw error
        }
        var metadata = Metadata()
        metadata.add("authorization", "Bearer \(issued.token)")
        return GatewayCaller(
            name: name, subject: "token:\(issued.info?.tokenID ?? "")", rpc: RPCClient(transport: gateway),
            metadata: metadata)
    }
}
