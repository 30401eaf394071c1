// swift-tools-version:6.0
import Foundation
import PackageDescription

// The fuzzers of GroupChart (`make fuzz`): a package of its own beside the
// main one, so that `swift build` and `swift test` never see them and macOS
// users need no libFuzzer. Built on Linux only, with
// `swift build -Xswiftc -sanitize=fuzzer,address` (scripts/fuzz.sh).

// A path dependency is known by its folder's name, whatever the clone is called.
let groupChart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "GroupChartFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(name: "FuzzDocument", dependencies: ["CFuzzer", .product(name: "GroupChartKit", package: groupChart)]),
        .executableTarget(name: "FuzzPractice", dependencies: ["CFuzzer", .product(name: "GroupChartKit", package: groupChart)]),
    ]
)
