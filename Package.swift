// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlanBridge",
    products: [
        .library(name: "PlanBridge", targets: ["PlanModel", "PlanFormats", "PlanValidation", "PlanDiff"]),
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
        .target(name: "PlanModel"),
        .target(name: "PlanFormats", dependencies: ["PlanModel", "CLibXML2"]),
        .target(name: "PlanValidation", dependencies: ["PlanModel", "PlanFormats", "CLibXML2"]),
        .target(name: "PlanDiff", dependencies: ["PlanModel"]),

        // Tools.
        .executableTarget(
            name: "planbridge",
            dependencies: ["PlanModel", "PlanFormats", "PlanValidation", "PlanDiff"]
        ),
        .executableTarget(
            name: "planbridge-bench",
            dependencies: ["PlanModel", "PlanFormats", "PlanTestSupport"]
        ),

        // Not shipped: generator, fixture lookup, golden assertions, CLI runner.
        .target(name: "PlanTestSupport", dependencies: ["PlanModel", "PlanFormats"]),

        // Tests: one target per library, plus the command line.
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "PlanTestSupport"]),
        .testTarget(name: "PlanFormatsTests", dependencies: ["PlanModel", "PlanFormats", "PlanTestSupport"]),
        .testTarget(name: "PlanValidationTests", dependencies: ["PlanValidation", "PlanTestSupport"]),
        .testTarget(name: "PlanDiffTests", dependencies: ["PlanDiff", "PlanTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["PlanTestSupport"]),
    ]
)
