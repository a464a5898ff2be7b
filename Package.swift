// swift-tools-version: 6.0
// docgen: a static documentation site generator for bilingual (target/source) Markdown.
import PackageDescription

let package = Package(
    name: "docgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docgen", targets: ["docgen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server of `docgen serve` (light: no SwiftNIO).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark-gfm and its GFM extensions from the system (Debian: libcmark-gfm-dev,
        // libcmark-gfm-extensions-dev). Only DocGenMarkdown/CMark.swift imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "DocGenCore"),
        .target(name: "DocGenMarkdown", dependencies: ["CCmarkGFM", "DocGenCore"]),
        .target(
            name: "DocGenContent",
            dependencies: ["DocGenCore", .product(name: "Yams", package: "Yams")]
        ),
        // The compile stage: an Article in, one CompiledArticle out (parsed once per language).
        .target(
            name: "DocGenCompile",
            dependencies: ["DocGenCore", "DocGenContent", "DocGenMarkdown"]
        ),
        .target(
            name: "DocGenFlowchart",
            dependencies: ["DocGenCore", "DocGenContent", "DocGenMarkdown"]
        ),
        .target(
            name: "DocGenTranslation",
            dependencies: ["DocGenCore", "DocGenContent", "DocGenMarkdown"]
        ),
        .target(
            name: "DocGenRender",
            dependencies: [
                "DocGenCore", "DocGenMarkdown", "DocGenContent", "DocGenCompile", "DocGenFlowchart",
                "DocGenTranslation", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "DocGenSite",
            dependencies: [
                "DocGenCore", "DocGenContent", "DocGenCompile", "DocGenRender", "DocGenFlowchart",
                "DocGenTranslation", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `docgen serve`: the HTTP server, the file watcher and the reload hub.
        .target(
            name: "DocGenServe",
            dependencies: ["DocGenCore", "DocGenSite", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "DocGenCommandLine",
            dependencies: [
                "DocGenCore", "DocGenContent", "DocGenSite", "DocGenFlowchart", "DocGenTranslation", "DocGenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "docgen", dependencies: ["DocGenCommandLine"]),
        // The readers of untrusted input as fuzz entry points; the tests replay every crasher through them.
        .target(
            name: "DocGenFuzzTargets",
            dependencies: ["DocGenCore", "DocGenContent", "DocGenCompile", "DocGenMarkdown", "DocGenTranslation"],
            path: "Fuzz/Targets"
        ),
        .testTarget(name: "DocGenMarkdownTests", dependencies: ["DocGenMarkdown", "DocGenCore"]),
        .testTarget(name: "DocGenContentTests", dependencies: ["DocGenContent", "DocGenCore"]),
        .testTarget(
            name: "DocGenCompileTests",
            dependencies: ["DocGenCompile", "DocGenContent", "DocGenMarkdown", "DocGenCore"]
        ),
        .testTarget(
            name: "DocGenFlowchartTests",
            dependencies: ["DocGenFlowchart", "DocGenContent", "DocGenCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DocGenTranslationTests",
            dependencies: ["DocGenTranslation", "DocGenContent", "DocGenCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DocGenSiteTests",
            dependencies: [
                "DocGenSite", "DocGenRender", "DocGenCompile", "DocGenContent", "DocGenCore", "DocGenTranslation",
                "DocGenMarkdown", "DocGenFuzzTargets", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)

// The libFuzzer driver needs the fuzzer runtime, so it exists only when asked for:
// DOCGEN_FUZZ=1 swift build --product docgen-fuzz -Xswiftc -sanitize=fuzzer,address (scripts/fuzz.sh).
if Context.environment["DOCGEN_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "docgen-fuzz", dependencies: ["DocGenFuzzTargets"], path: "Fuzz/Driver",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    package.products.append(.executable(name: "docgen-fuzz", targets: ["docgen-fuzz"]))
}
