// swift-tools-version: 6.0
// LinnBridge: CSV drop folders ↔ Linnworks. Toolchain modules only — no package dependencies.
import PackageDescription

let package = Package(
    name: "LinnBridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "linnbridge", targets: ["linnbridge"]),
    ],
    dependencies: [],
    targets: [
        // POSIX wrappers, typed system errors, atomic files, secrets. Knows nothing of CSV or Linnworks.
        .target(name: "Support"),
        // CSV bytes → records and records → CSV bytes. Knows nothing of Linnworks.
        .target(name: "CSV", dependencies: ["Support"]),
        // The Linnworks API: models, client, pacing, retries.
        .target(name: "Linnworks", dependencies: ["Support"]),
        // Feeds (stock, shipments), reports, exports, the drop-folder watcher.
        .target(name: "Bridge", dependencies: ["CSV", "Linnworks", "Support"]),
        // A Linnworks look-alike over loopback HTTP; shares only the models with the client.
        .target(name: "Sandbox", dependencies: ["Linnworks", "Support"]),
        // The thin command line on top.
        .executableTarget(name: "linnbridge", dependencies: ["Bridge", "Sandbox", "Linnworks", "CSV", "Support"]),
        // Release-mode throughput and memory figures, compared with Python's csv module.
        .executableTarget(name: "linnbridge-bench", dependencies: ["Bridge", "CSV", "Linnworks", "Sandbox", "Support"]),

        // Builders of fully populated order models, shared by the test targets below.
        .target(name: "TestFixtures", dependencies: ["Linnworks"], path: "Tests/TestFixtures"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "Support"]),
        .testTarget(name: "BridgeTests", dependencies: ["Bridge", "CSV", "Linnworks", "Sandbox", "Support"]),
        .testTarget(name: "LinnworksTests", dependencies: ["Linnworks", "Sandbox", "Support", "TestFixtures"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "Linnworks", "Support", "TestFixtures"]),
        // The command line as a user meets it: the built binary, run as a process.
        .testTarget(name: "linnbridgeTests", dependencies: ["linnbridge", "Sandbox", "CSV", "TestFixtures"]),
    ]
)
