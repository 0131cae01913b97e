internal import Testing
internal import TiltsTLS
internal import Foundation

@Suite("TLSContextProvider")
struct TLSContextProviderTests {
    @Test func providerReloadsAndKeepsTheOldContextWhenFilesBreak() throws {
        let certificates = try TestCertificates.shared()
        let directory = certificates.directory + "/reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let chain = directory + "/server.pem"
        let key = directory + "/server.key"
        try FileManager.default.copyItem(atPath: certificates.serverChainPath, toPath: chain)
        try FileManager.default.copyItem(atPath: certificates.serverKeyPath, toPath: key)
        let provider = try TLSContextProvider(serverConfiguration: .server(certificateChainPath: chain, privateKeyPath: key))
        let first = provider.context
        try provider.reload()
        let second = provider.context
        #expect(first !== second)
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: chain))
        #expect(throws: TLSError.self) { try provider.reload() }
        #expect(provider.context === second)
    }
}
