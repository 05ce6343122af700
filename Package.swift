// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
    name: "SpecGate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "specgate", targets: ["specgate"]),
        // `import SpecGate` in a Swift test target: load a spec or suite, plan, run, typed results.
        .library(name: "SpecGate", targets: ["SpecGate"]),
        // The Cal.com-compatible sandbox, to start in-process from tests (see Examples/CalcomContractTests).
        .library(name: "SpecGateSandbox", targets: ["SpecGateSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
    ],
    targets: [
        // Typed JSON value, parser, writer, JSON Pointer. No I/O.
        .target(
            name: "SpecGateJSON",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // The seeded random generator (SplitMix64) that generation draws from. No I/O.
        .target(name: "SpecGateRandom"),
        // ECMA-262 regular expressions: parser, bounded backtracking matcher, string generator. No I/O.
        .target(name: "SpecGateRegex", dependencies: ["SpecGateRandom"]),
        // JSON Schema engine (OpenAPI 3.0 dialect, draft 4, 2020-12). No I/O.
        .target(name: "SpecGateSchema", dependencies: ["SpecGateJSON", "SpecGateRegex"]),
        // Spec model, loading, overlays, suites, lint, generation, checks, results. No I/O, no printing.
        .target(
            name: "SpecGateCore",
            dependencies: ["SpecGateJSON", "SpecGateSchema", "SpecGateRegex", "SpecGateRandom", "Yams"]),
        // libxml2, used by SpecGateJUnit only.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "SpecGateJUnit", dependencies: ["CLibXML2"]),
        // HTTP/1.1 engine on SwiftNIO: keep-alive pool, exact requests, proxies, timeouts, retries, timings.
        .target(
            name: "SpecGateHTTP",
            dependencies: [
                "SpecGateCore",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ] + nio
        ),
        // Cal.com-compatible sandbox server with switchable contract faults.
        .target(name: "SpecGateSandbox", dependencies: ["SpecGateJSON"] + nio),
        // Orchestration with I/O: reading suites from disk, running, writing reports.
        .target(
            name: "SpecGateRunner",
            dependencies: ["SpecGateCore", "SpecGateHTTP", "SpecGateJUnit"]
        ),
        // The library product: a thin async API over SpecGateRunner (ContractSuite → plan / run → ContractRun).
        .target(name: "SpecGate", dependencies: ["SpecGateRunner", "SpecGateCore", "SpecGateHTTP"]),
        .executableTarget(
            name: "specgate",
            dependencies: [
                "SpecGateRunner", "SpecGateSandbox", "SpecGateCore", "SpecGateSchema", "SpecGateJSON", "SpecGateHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make fuzz`: fuzz targets (also replayed by HardeningTests), libFuzzer's driver header, the driver.
        .target(
            name: "SpecGateFuzzTargets",
            dependencies: ["SpecGateJSON", "SpecGateCore", "SpecGateSchema", "SpecGateRegex", "SpecGateJUnit"],
            path: "Sources/specgate-fuzz/Targets"
        ),
        .systemLibrary(name: "CLibFuzzer", path: "Sources/specgate-fuzz/CLibFuzzer"),
        .executableTarget(
            name: "specgate-fuzz", dependencies: ["SpecGateFuzzTargets", "CLibFuzzer"],
            path: "Sources/specgate-fuzz/Driver"
        ),
        .executableTarget(
            name: "specgate-bench",
            dependencies: ["SpecGateRunner", "SpecGateSandbox", "SpecGateCore", "SpecGateSchema", "SpecGateJSON"]),
        .testTarget(name: "SpecGateJSONTests", dependencies: ["SpecGateJSON"]),
        .testTarget(name: "SpecGateRegexTests", dependencies: ["SpecGateRegex", "SpecGateRandom"]),
        .testTarget(
            name: "SpecGateSchemaTests", dependencies: ["SpecGateSchema", "SpecGateTestSupport"], exclude: ["Resources"]
        ),
        .testTarget(
            name: "SpecGateCoreTests",
            dependencies: ["SpecGateCore", "SpecGateTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]),
        .testTarget(name: "SpecGateJUnitTests", dependencies: ["SpecGateJUnit", "SpecGateTestSupport"]),
        .testTarget(
            name: "SpecGateHTTPTests",
            dependencies: [
                "SpecGateHTTP", "SpecGateTestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ] + nio
        ),
        .testTarget(
            name: "SpecGateSandboxTests",
            dependencies: [
                "SpecGateSandbox", "SpecGateCore", "SpecGateRunner", "SpecGateSchema", "SpecGateTestSupport",
            ]),
        .testTarget(
            name: "SpecGateRunnerTests", dependencies: ["SpecGateRunner", "SpecGateSandbox", "SpecGateTestSupport"]),
        .testTarget(
            name: "SpecGateLibraryTests", dependencies: ["SpecGate", "SpecGateSandbox", "SpecGateTestSupport"]),
        .testTarget(
            name: "HardeningTests",
            dependencies: [
                "SpecGateRunner", "SpecGateCore", "SpecGateSchema", "SpecGateJUnit", "SpecGateJSON", "SpecGateRegex",
                "SpecGateFuzzTargets", "SpecGateTestSupport", "SpecGateHTTP",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ] + nio
        ),
        .target(
            name: "SpecGateTestSupport",
            dependencies: ["SpecGateJUnit", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")] + nio,
            path: "Tests/SpecGateTestSupport"),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SpecGateSandbox", "SpecGateJUnit", "SpecGateJSON", "SpecGateRunner", "SpecGateTestSupport"]
                + nio),
    ]
)
