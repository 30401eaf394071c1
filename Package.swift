// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GroupChart",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "groupchart", targets: ["groupchart"]),
        .library(name: "GroupChartKit", targets: ["GroupChartKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
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
        .target(
            name: "GroupChartKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "groupchart",
            dependencies: [
                "GroupChartKit",
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
            dependencies: ["GroupChartKit", "GroupChartTestSupport", .product(name: "CSV", package: "CSV.swift")],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "GroupChartEndToEndTests",
            dependencies: ["GroupChartKit", "GroupChartTestSupport"]
        ),
    ]
)
