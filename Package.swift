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
        // PostgreSQL (load postgres, attach, export to postgres). swift-nio-ssl and swift-log come
        // with it; they are named here because SverkaPostgres uses their types directly.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        // The PostgreSQL client: its own target so that the engine (and Fuzz/, which links it)
        // builds without swift-nio.
        .target(name: "SverkaPostgres", dependencies: [
            "SverkaSyntax", "SverkaEngine",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "SverkaDomain", dependencies: ["SverkaSyntax", "SverkaEngine"]),
        .target(name: "SverkaShell", dependencies: ["SverkaSyntax", "SverkaEngine", "SverkaDomain", "SverkaPostgres", "CLibEdit"]),
        .executableTarget(
            name: "sverka",
            dependencies: [
                "SverkaShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SverkaSyntaxTests", dependencies: ["SverkaSyntax"]),
        .testTarget(name: "SverkaEngineTests", dependencies: ["SverkaEngine"]),
        .testTarget(name: "SverkaPostgresTests", dependencies: ["SverkaPostgres"]),
        .testTarget(name: "SverkaDomainTests", dependencies: ["SverkaDomain"]),
        .testTarget(name: "SverkaShellTests", dependencies: ["SverkaShell"]),
        .testTarget(name: "EndToEndTests", dependencies: ["sverka", "CSQLite"]),
    ],
    swiftLanguageModes: [.v6]
)
