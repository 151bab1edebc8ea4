// swift-tools-version:6.2
import PackageDescription

// Warnings are errors everywhere, as in CI: a warning today is a bug report tomorrow.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "PlanBridge",
    products: [
        .library(name: "PlanBridge", targets: ["PlanModel", "PlanFormats", "PlanSchedule", "PlanValidation", "PlanDiff"]),
        .executable(name: "planbridge", targets: ["planbridge"]),
    ],
    targets: [
        // The only place that sees libxml2's headers (see Sources/CLibXML2/shim.h for the ICU undef).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Core libraries, in dependency order.
        .target(name: "PlanModel", swiftSettings: strict),
        .target(name: "PlanFormats", dependencies: ["PlanModel", "CLibXML2"], swiftSettings: strict),
        .target(name: "PlanSchedule", dependencies: ["PlanModel"], swiftSettings: strict),
        .target(
            name: "PlanValidation", dependencies: ["PlanModel", "PlanFormats", "PlanSchedule", "CLibXML2"],
            // The MSPDI schemas travel with the binary; schemas/ links to them for xmllint and docs.
            resources: [.copy("Schemas")], swiftSettings: strict),
        .target(name: "PlanDiff", dependencies: ["PlanModel", "PlanSchedule"], swiftSettings: strict),

        // Tools.
        .executableTarget(
            name: "planbridge",
            dependencies: ["PlanModel", "PlanFormats", "PlanSchedule", "PlanValidation", "PlanDiff"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "planbridge-bench",
            dependencies: ["PlanModel", "PlanFormats", "PlanSchedule", "PlanValidation", "PlanDiff", "PlanTestSupport"],
            swiftSettings: strict
        ),

        // Not shipped: generator, fixture lookup, golden assertions, CLI runner.
        .target(name: "PlanTestSupport", dependencies: ["PlanModel", "PlanFormats"], swiftSettings: strict),

        // Tests: one target per library, plus the command line.
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "PlanTestSupport"], swiftSettings: strict),
        .testTarget(name: "PlanFormatsTests", dependencies: ["PlanModel", "PlanFormats", "PlanTestSupport"], swiftSettings: strict),
        .testTarget(name: "PlanValidationTests", dependencies: ["PlanValidation", "PlanFormats", "PlanSchedule", "PlanTestSupport"], swiftSettings: strict),
        .testTarget(name: "PlanScheduleTests", dependencies: ["PlanSchedule", "PlanFormats", "PlanTestSupport"], swiftSettings: strict),
        .testTarget(name: "PlanDiffTests", dependencies: ["PlanDiff", "PlanFormats", "PlanSchedule", "PlanTestSupport"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["PlanTestSupport", "planbridge"], exclude: ["Scenarios"], swiftSettings: strict),
    ]
)
