// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GroupChart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "groupchart", targets: ["groupchart"]),
        .library(name: "GroupChartKit", targets: ["GroupChartKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // `groupchart serve` only: the HTTP server of the live preview.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Named here because the server uses them directly; Hummingbird brings them in anyway.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // Tests only: an independent CSV parser reads claims.csv back.
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // libcmark from the system: Debian `libcmark-dev`, Homebrew `cmark`.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // mimalloc, on Linux only: Debian `libmimalloc-dev` (docs/performance.md).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "GroupChartKit",
            dependencies: [
                "CCmark",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The live preview's HTTP server, apart so that the core library
        // stays free of networking.
        .target(
            name: "GroupChartServe",
            dependencies: [
                "GroupChartKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "groupchart",
            dependencies: [
                "GroupChartKit",
                "GroupChartServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "GroupChartTestSupport",
            dependencies: ["GroupChartKit"],
            path: "Tests/GroupChartTestSupport"
        ),
        .testTarget(
            name: "GroupChartKitTests",
            dependencies: ["GroupChartKit", "GroupChartTestSupport", .product(name: "CSV", package: "CSV.swift"),
                           .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "GroupChartServeTests",
            dependencies: ["GroupChartServe"]
        ),
        .testTarget(
            name: "GroupChartEndToEndTests",
            dependencies: ["GroupChartKit", "GroupChartTestSupport"]
        ),
    ]
)
