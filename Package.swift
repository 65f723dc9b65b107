// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "QuantArch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qarch", targets: ["QArchCLI"]),
        .library(name: "NumberFormats", targets: ["NumberFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CMPFR", pkgConfig: "mpfr", providers: [.apt(["libmpfr-dev", "libgmp-dev"])]),
        .target(name: "NumberFormats"),
        .target(name: "QArchSupport"),
        .target(name: "ExactJSON", dependencies: ["NumberFormats"]),
        .target(name: "MPFRReference", dependencies: ["CMPFR", "NumberFormats", "QArchSupport"]),
        // AVX-512 kernels behind a run-time CPU check (Sources/CSIMD/README.md); the package targets baseline x86-64.
        .target(name: "CSIMD"),
        .target(name: "ArithmeticUnits", dependencies: ["NumberFormats", "QArchSupport", "CSIMD"]),
        .target(name: "Workloads", dependencies: ["NumberFormats", "ExactJSON"]),
        // The MiniLM tokenizer and encoder. It reads the checkpoint with Workloads' MiniLM loader (data, no engine)
        // and runs GEMMs through its `DenseGEMM` protocol, which Exploration implements on a design's unit.
        // Optimized in debug builds too: the test suite runs the encoder on the fixture sentences.
        .target(name: "Models", dependencies: ["NumberFormats", "Workloads"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "TensorEngine", dependencies: ["NumberFormats", "QArchSupport", "ArithmeticUnits", "CSIMD"]),
        .target(name: "DesignModel", dependencies: ["NumberFormats", "ExactJSON", "ArithmeticUnits", "TensorEngine"]),
        // Deviation from the planned layering (Sources/CostModel/README.md, "Dependencies") (…→ TensorEngine → CostModel → DesignModel): DesignModel already
        // exists below the cost model, so CostModel depends on it and prices a resolved `Design`.
        .target(name: "CostModel", dependencies: ["NumberFormats", "QArchSupport", "ArithmeticUnits", "TensorEngine", "DesignModel", "Workloads"]),
        .target(name: "Exploration", dependencies: ["NumberFormats", "QArchSupport", "ExactJSON", "ArithmeticUnits", "TensorEngine", "DesignModel", "CostModel", "Workloads", "Models"]),
        .target(name: "Reporting", dependencies: ["NumberFormats", "QArchSupport", "ExactJSON", "TensorEngine", "CostModel", "Workloads", "Exploration"]),
        .target(name: "GoldenVectors", dependencies: ["NumberFormats", "ExactJSON", "ArithmeticUnits", "DesignModel"]),
        .target(name: "Cosim", dependencies: ["GoldenVectors", "ExactJSON", "Workloads"]),
        // Primitive RTL generators, their checks against NumberFormats/exact integers, Yosys synthesis and toggle measurement.
        .target(name: "Characterize", dependencies: ["NumberFormats", "ArithmeticUnits", "Cosim"]),
        .executableTarget(
            name: "QArchCLI",
            dependencies: [
                "NumberFormats", "QArchSupport", "ExactJSON", "MPFRReference", "ArithmeticUnits", "TensorEngine", "Workloads",
                "DesignModel", "CostModel", "Exploration", "Reporting", "GoldenVectors", "Cosim", "Characterize", "Models",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fuzz/README.md"]
        ),
        .testTarget(name: "NumberFormatsTests", dependencies: ["NumberFormats"]),
        .testTarget(name: "QArchSupportTests", dependencies: ["QArchSupport"]),
        .testTarget(name: "ExactJSONTests", dependencies: ["ExactJSON"]),
        .testTarget(name: "MPFRReferenceTests", dependencies: ["MPFRReference", "NumberFormats"]),
        // Runs the built `qarch` as a subprocess; depending on the executable makes SwiftPM build it.
        .testTarget(name: "CLITests", dependencies: ["QArchCLI"], exclude: ["Corpus"]),
        .testTarget(name: "WorkloadsTests", dependencies: ["Workloads", "NumberFormats"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Workloads", "NumberFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "ArithmeticUnitsTests", dependencies: ["ArithmeticUnits", "NumberFormats"]),
        .testTarget(name: "TensorEngineTests", dependencies: ["TensorEngine", "ArithmeticUnits", "NumberFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "DesignModelTests", dependencies: ["DesignModel", "ExactJSON", "ArithmeticUnits", "NumberFormats", "TensorEngine"],
                    exclude: ["BadDesigns"]),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel", "ArithmeticUnits", "DesignModel", "NumberFormats", "TensorEngine",
                                                 "Workloads"]),
        .testTarget(name: "ExplorationTests", dependencies: ["Exploration", "Models", "CostModel", "DesignModel", "NumberFormats", "TensorEngine",
                                                     "Workloads"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "ExactJSON", "Exploration", "NumberFormats", "TensorEngine",
                                                   "Workloads"]),
        .testTarget(name: "GoldenVectorsTests", dependencies: ["GoldenVectors", "ArithmeticUnits", "DesignModel", "ExactJSON", "NumberFormats"]),
        // rtl/ holds the project-written Verilog that CLITests/CosimCommandTests runs `qarch cosim` on (data, not sources).
        .testTarget(name: "CharacterizeTests", dependencies: ["Characterize", "ArithmeticUnits", "NumberFormats"]),
        .testTarget(name: "CosimTests", dependencies: ["Cosim", "GoldenVectors", "ExactJSON"], exclude: ["rtl"]),
    ],
    swiftLanguageModes: [.v6]
)

// Every module folder carries a README.md overview (documentation, not a source or a resource).
// A module without one gets SwiftPM's "Invalid Exclude" warning: write its overview.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.exclude.append("README.md")
}
