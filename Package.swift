// swift-tools-version:6.0
import PackageDescription

// Layering (see README "Architecture"):
//   TiltsWire       protobuf wire format and proto3 JSON, standard library only
//   TiltsRPC        gRPC call semantics (status, metadata, framing, handlers, stubs), no I/O
//   TiltsHTTP2      nghttp2 wrapped as a sans-I/O HTTP/2 session
//   TiltsTLS        OpenSSL wrapped as a NIO channel handler
//   TiltsTransport  NIO listeners and connections that join the three above
//   TiltsMessages   the shared, hand-written message types of every Tilts API
//   TiltsHealth     grpc.health.v1.Health
//   TiltsDomain     the pilot's pure rules: timeline, personal codes, quarters, allocation
//   TiltsStore      what every service's SQLite store shares: GRDB, outbox, WatchEvents, consumers,
//                   idempotency, principals
//   TiltsServiceKit what every Tilts executable shares: config, flags, lifecycle, logging

let nio: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let nioEmbedded: Target.Dependency = .product(name: "NIOEmbedded", package: "swift-nio")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")
let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v5),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Lets generic wire and call code specialise across module boundaries in release builds.
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

func service(_ target: String, _ path: String, extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: target,
        dependencies: ["TiltsServiceKit", "TiltsTransport", "TiltsRPC", "TiltsHealth"] + extra,
        path: path,
        swiftSettings: settings
    )
}

let package = Package(
    name: "tilts",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "referral-service", targets: ["ReferralService"]),
        .executable(name: "meeting-service", targets: ["MeetingService"]),
        .executable(name: "assessment-service", targets: ["AssessmentService"]),
        .executable(name: "reporting-service", targets: ["ReportingService"]),
        .executable(name: "tilts-gateway", targets: ["Gateway"]),
        .executable(name: "tilts-interop-server", targets: ["InteropServer"]),
        .executable(name: "tilts-interop-client", targets: ["InteropClient"]),
        .executable(name: "tilts-bench-referral", targets: ["ReferralBench"]),
        .executable(name: "tilts-bench-reporting", targets: ["ReportingBench"]),
        .executable(name: "tiltsctl", targets: ["Tiltsctl"]),
        .library(name: "TiltsWire", targets: ["TiltsWire"]),
        .library(name: "TiltsRPC", targets: ["TiltsRPC"]),
        .library(name: "TiltsTransport", targets: ["TiltsTransport"]),
        .library(name: "TiltsMessages", targets: ["TiltsMessages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNGHTTP2",
            path: "Sources/CNGHTTP2",
            pkgConfig: "libnghttp2",
            providers: [.apt(["libnghttp2-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "TiltsWire", swiftSettings: settings),
        .target(name: "TiltsRPC", dependencies: ["TiltsWire"], swiftSettings: settings),
        .target(name: "TiltsHTTP2", dependencies: ["CNGHTTP2", nio], swiftSettings: settings),
        .target(name: "TiltsTLS", dependencies: ["COpenSSL", nio], swiftSettings: settings),
        .target(
            name: "TiltsTransport",
            dependencies: ["TiltsRPC", "TiltsHTTP2", "TiltsTLS", nio, nioPosix, logging],
            swiftSettings: settings
        ),
        .target(name: "TiltsMessages", dependencies: ["TiltsWire"], swiftSettings: settings),
        .target(name: "TiltsHealth", dependencies: ["TiltsRPC", "TiltsMessages"], swiftSettings: settings),
        .target(name: "TiltsDomain", swiftSettings: settings),
        .target(
            name: "TiltsStore",
            dependencies: ["TiltsRPC", "TiltsWire", "TiltsMessages", "TiltsTransport", "TiltsDomain", grdb, logging],
            swiftSettings: settings
        ),
        .target(name: "TiltsInterop", dependencies: ["TiltsRPC", "TiltsWire"], swiftSettings: settings),
        .target(
            name: "TiltsServiceKit",
            dependencies: [
                "TiltsTransport", "TiltsRPC", "TiltsHealth", "TiltsTLS", nio, nioPosix, logging, argumentParser,
                serviceLifecycle, nioHTTP1, metrics, prometheus,
            ],
            swiftSettings: settings
        ),

        service("ReferralService", "Services/ReferralService", extra: ["TiltsStore", "TiltsDomain", "TiltsMessages", grdb]),
        service("MeetingService", "Services/MeetingService", extra: ["TiltsStore", "TiltsDomain", "TiltsMessages", grdb]),
        service("AssessmentService", "Services/AssessmentService", extra: ["TiltsStore", "TiltsDomain", "TiltsMessages", grdb]),
        service("ReportingService", "Services/ReportingService", extra: ["TiltsStore", "TiltsDomain", "TiltsMessages", "TiltsTLS", grdb]),
        service("Gateway", "Services/Gateway", extra: ["TiltsStore", "TiltsMessages", "TiltsTLS", "TiltsHTTP2", grdb, nio, nioPosix, serviceLifecycle]),
        .executableTarget(
            name: "Tiltsctl",
            dependencies: ["TiltsTransport", "TiltsRPC", "TiltsMessages", "TiltsHealth", "TiltsTLS", "TiltsWire", argumentParser],
            path: "Services/Tiltsctl",
            swiftSettings: settings
        ),
        service("InteropServer", "Services/InteropServer", extra: ["TiltsInterop"]),
        service("InteropClient", "Services/InteropClient", extra: ["TiltsInterop"]),
        .executableTarget(
            name: "ReferralBench",
            dependencies: ["TiltsTransport", "TiltsRPC", "TiltsMessages", "TiltsStore", argumentParser],
            path: "bench/ReferralBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "ReportingBench",
            dependencies: ["TiltsTransport", "TiltsRPC", "TiltsMessages", "TiltsStore", "TiltsWire", argumentParser, logging],
            path: "bench/reporting/ReportingBench",
            swiftSettings: settings
        ),

        .testTarget(name: "TiltsWireTests", dependencies: ["TiltsWire", "TiltsMessages"], resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "TiltsRPCTests", dependencies: ["TiltsRPC"], swiftSettings: settings),
        .testTarget(name: "TiltsHTTP2Tests", dependencies: ["TiltsHTTP2", nio], swiftSettings: settings),
        .testTarget(name: "TiltsTLSTests", dependencies: ["TiltsTLS", nio, nioPosix, nioEmbedded], swiftSettings: settings),
        .testTarget(name: "TiltsDomainTests", dependencies: ["TiltsDomain"], swiftSettings: settings),
        .testTarget(
            name: "TiltsStoreTests",
            dependencies: ["TiltsStore", "TiltsRPC", "TiltsMessages", "TiltsTransport", grdb],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ReferralServiceTests",
            dependencies: ["ReferralService", "TiltsDomain", "TiltsStore", "TiltsMessages", grdb],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MeetingServiceTests",
            dependencies: ["MeetingService", "TiltsDomain", "TiltsStore", "TiltsMessages", grdb],
            swiftSettings: settings
        ),
        .testTarget(
            name: "AssessmentServiceTests",
            dependencies: ["AssessmentService", "TiltsDomain", "TiltsStore", "TiltsMessages", grdb],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ReportingServiceTests",
            dependencies: ["ReportingService", "TiltsDomain", "TiltsStore", "TiltsMessages", "TiltsWire", grdb],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: ["Gateway", "TiltsStore", "TiltsMessages", "TiltsRPC", "TiltsTransport", grdb],
            swiftSettings: settings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["TiltsTransport", "TiltsRPC", "TiltsMessages", "TiltsHealth", "TiltsWire", "TiltsTLS"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "TiltsTransportTests",
            dependencies: ["TiltsTransport", "TiltsRPC", "TiltsHealth", "TiltsMessages", "TiltsInterop", "TiltsHTTP2", nio, nioPosix, nioEmbedded],
            swiftSettings: settings
        ),
    ]
)
