// swift-tools-version:6.1
import PackageDescription

let zip = Target.Dependency.product(name: "ZIPFoundation", package: "ZIPFoundation")

let package = Package(
  name: "ClusterDesk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "clusterdesk", targets: ["clusterdesk"]),
    .library(name: "ClusterKit", targets: ["ClusterKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // Excel workbooks (.xlsx): sheets of typed cells written and read. No domain.
    .target(
      name: "Workbook", dependencies: [zip]),
    // Domain: value types, rules, Korean formats, the SQLite workspace, JSON and CSV.
    .target(
      name: "ClusterKit",
      dependencies: [
        "Workbook", zip, .product(name: "GRDB", package: "GRDB.swift"),
        // The C interface, for the read-only look at a file before it is opened as a workspace.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // Invented workspaces (the sample office, one cluster, a national one) for demos, tests
    // and benchmarks.
    .target(name: "Generator", dependencies: ["ClusterKit"]),
    // Pure terminal drawing: grid, display width, layout, widgets. No ncurses, no domain.
    .target(name: "TerminalKit"),
    // The ncursesw C interface; only TerminalBackend imports it.
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .target(name: "TerminalBackend", dependencies: ["TerminalKit", "CNcursesw"]),
    .target(name: "Dashboard", dependencies: ["ClusterKit", "TerminalKit"]),
    .executableTarget(
      name: "clusterdesk",
      dependencies: [
        "ClusterKit", "Generator", "TerminalKit", "TerminalBackend", "Dashboard", "Workbook",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // For tests: openpyxl, an independent reader, opens the workbooks they write.
    .target(name: "SpreadsheetCheck", path: "Tests/SpreadsheetCheck"),
    .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "SpreadsheetCheck", zip]),
    .testTarget(
      name: "ClusterKitTests",
      dependencies: ["ClusterKit", "Generator", "Workbook", "SpreadsheetCheck", zip],
      exclude: ["Corpus"]),
    .testTarget(name: "GeneratorTests", dependencies: ["ClusterKit", "Generator"]),
    .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
    .testTarget(
      name: "DashboardTests",
      dependencies: [
        "Dashboard", "ClusterKit", "TerminalKit", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      resources: [.copy("Golden")]
    ),
    .testTarget(
      name: "EndToEndTests", dependencies: ["ClusterKit", "Workbook", "SpreadsheetCheck", zip],
      exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
