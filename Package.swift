// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sverka",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sverka", targets: ["sverka"]),
        // Libraries only so that Fuzz/ (its own package, built with fuzzer flags) can link the
        // lexer, parser and loaders; nothing else depends on them.
        .library(name: "SverkaSyntax", targets: ["SverkaSyntax"]),
        .library(name: "SverkaEngine", targets: ["SverkaEngine"]),
        .library(name: "SverkaShell", targets: ["SverkaShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "SverkaSyntax"),
        .target(name: "SverkaEngine", dependencies: ["SverkaSyntax", "CSQLite", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SverkaDomain", dependencies: ["SverkaSyntax", "SverkaEngine"]),
        .target(name: "SverkaShell", dependencies: ["SverkaSyntax", "SverkaEngine", "SverkaDomain", "CLibEdit"]),
        .executableTarget(
            name: "sverka",
            dependencies: [
                "SverkaShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SverkaSyntaxTests", dependencies: ["SverkaSyntax"]),
        .testTarget(name: "SverkaEngineTests", dependencies: ["SverkaEngine"]),
        .testTarget(name: "SverkaDomainTests", dependencies: ["SverkaDomain"]),
        .testTarget(name: "SverkaShellTests", dependencies: ["SverkaShell"]),
        .testTarget(name: "EndToEndTests", dependencies: ["sverka", "CSQLite"]),
    ],
    swiftLanguageModes: [.v6]
)
