// swift-tools-version:6.0
// An API team's own test package using SpecGate as a library: `swift test --package-path Examples/CalcomContractTests`.
import PackageDescription

let package = Package(
    name: "CalcomContractTests",
    platforms: [.macOS(.v14)],
    dependencies: [
        // In your project: .package(url: "https://github.com/<org>/specgate", from: "0.1.0")
        .package(name: "SpecGate", path: "../..")
    ],
    targets: [
        .testTarget(
            name: "CalcomContractTests",
            dependencies: [
                .product(name: "SpecGate", package: "SpecGate"),
                // Only because these tests start the Cal.com sandbox in-process; a real API needs just SpecGate.
                .product(name: "SpecGateSandbox", package: "SpecGate"),
            ]
        )
    ]
)
