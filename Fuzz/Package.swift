// swift-tools-version:6.0
import Foundation
import PackageDescription

// The fuzz targets live in their own package so that the main package's `swift build` never sees
// fuzzer flags. scripts/fuzz builds this one with `--sanitize fuzzer --sanitize address`; each
// executable exports `LLVMFuzzerTestOneInput` and gets libFuzzer's `main`. The rules each target
// checks live in a harness file shared (by a symbolic link) with the unit tests that replay the
// saved inputs without the fuzzer.

// A path dependency is named after its folder: whatever the checkout is called.
let sverka = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "sverka-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "fuzz-lexer",
            dependencies: [.product(name: "SverkaSyntax", package: sverka)]
        ),
        .executableTarget(
            name: "fuzz-parser",
            dependencies: [
                .product(name: "SverkaSyntax", package: sverka),
                .product(name: "SverkaShell", package: sverka),
            ]
        ),
        .executableTarget(
            name: "fuzz-csv",
            dependencies: [
                .product(name: "SverkaSyntax", package: sverka),
                .product(name: "SverkaEngine", package: sverka),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
