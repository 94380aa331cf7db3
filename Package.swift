// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Renkei",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "renkei", targets: ["renkei"]),
        .executable(name: "renkei-fuzz", targets: ["RenkeiFuzz"]),
        .executable(name: "renkei-libfuzz", targets: ["RenkeiLibFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // No default traits: they pull in swift-configuration, which nothing here uses.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already under Hummingbird; named for one channel handler (`RequestHeadGuard`).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Pure logic and the shared vocabulary: normalisation, the bigram tokenizer, the query
        // language, model types, entity keys, and the storage protocols every backend implements.
        // The loose layer's tables (kanji variants; SudachiDict's spelling variants, Apache-2.0).
        .target(
            name: "RenkeiCore",
            dependencies: ["CByteSearch"],
            resources: [.copy("Resources/itaiji.tsv"), .copy("Resources/spelling-variants.tsv")],
            swiftSettings: strictSettings),
        // Document to entities, mentions and relations: rules, the municipality gazetteer,
        // entity resolution. Pure functions of the document and the gazetteer.
        .target(
            name: "RenkeiExtract",
            dependencies: ["RenkeiCore"],
            resources: [.copy("Resources/municipalities.csv")],
            swiftSettings: strictSettings),
        // The SQLite backend, the one module that knows SQL: schema, FTS5 tokenizer adapter, writes and reads.
        .target(
            name: "RenkeiStore",
            dependencies: [
                "RenkeiCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the progress handler that bounds a read's time.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        // The PostgreSQL backend (`PostgresStore`): the same storage protocols over a primary and
        // hot-standby replicas, with the search keys computed here by the same normaliser.
        .target(
            name: "RenkeiPostgres",
            dependencies: [
                "RenkeiCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // libxml2, the system's HTML parser. Only RenkeiHTML touches it.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // HTML bytes (already UTF-8) to a flat node tree. No Foundation here: its ICU clashes
        // with the ICU that libxml2's headers bring in.
        .target(name: "RenkeiHTML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
        // glibc's memmem for substring search (a GNU extension Swift's Glibc module leaves out).
        .target(name: "CByteSearch"),
        // SHA-256 blocks with the x86 SHA extensions, for content hashes (C for the intrinsics).
        .target(name: "CSHA256"),
        // Files on disk to documents: encodings, boilerplate, tables; never sees the store.
        .target(name: "RenkeiIngest", dependencies: ["RenkeiCore", "RenkeiHTML", "CSHA256"], swiftSettings: strictSettings),
        // The one way into an index (`RenkeiIndex`): search with snippets and highlights,
        // documents, graph questions, exports, over any storage backend.
        .target(name: "RenkeiQuery", dependencies: ["RenkeiCore"], swiftSettings: strictSettings),
        // Files into an index: scan, read, extract, write (`IngestPipeline`), over any backend.
        .target(name: "RenkeiIndexing", dependencies: ["RenkeiCore", "RenkeiIngest", "RenkeiExtract"], swiftSettings: strictSettings),
        // zlib, for gzip-compressed sitemaps (`sitemap.xml.gz`).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The web into a corpus folder (`Fetcher`): robots.txt, per-host pacing, conditional GET,
        // redirects, size limits, retries, sitemaps and same-host links, with async-http-client.
        .target(
            name: "RenkeiFetch",
            dependencies: [
                "RenkeiCore", "RenkeiIngest", "RenkeiHTML", "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        // The HTTP face: JSON API, problem+json errors, the staff page. Errors become statuses only here.
        .target(
            name: "RenkeiHTTP",
            dependencies: [
                "RenkeiCore", "RenkeiQuery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The staff pages' Mustache templates and the OpenAPI document, read when the server starts.
            resources: [.copy("Resources/Templates"), .copy("Resources/openapi.json")],
            swiftSettings: strictSettings),
        // The commands: parse arguments, open the backend, call RenkeiQuery / RenkeiIndexing / RenkeiHTTP, print.
        .target(
            name: "RenkeiCLI",
            dependencies: [
                "RenkeiCore", "RenkeiStore", "RenkeiPostgres", "RenkeiIngest", "RenkeiIndexing", "RenkeiQuery", "RenkeiExtract",
                "RenkeiHTTP", "RenkeiFetch", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(name: "renkei", dependencies: ["RenkeiCLI"], swiftSettings: strictSettings),

        // Fixtures from the real pages in Corpus/, shared by the test targets.
        .target(
            name: "RenkeiTestSupport",
            dependencies: ["RenkeiCore", "RenkeiIngest", "RenkeiStore"],
            path: "Tests/RenkeiTestSupport",
            // The web site the fetch tests run against (`TestSite`), in Python.
            exclude: ["Server"],
            swiftSettings: strictSettings),
        // Random inputs against the normaliser, tokenizer, query parser, decoder, HTML reader
        // and date scanner, checking their invariants (`renkei-fuzz`, `scripts/fuzz.sh`).
        .target(name: "RenkeiFuzzTargets", dependencies: ["RenkeiCore", "RenkeiIngest", "RenkeiHTML"], swiftSettings: strictSettings),
        .executableTarget(name: "RenkeiFuzz", dependencies: ["RenkeiFuzzTargets"], swiftSettings: strictSettings),
        // The same targets under libFuzzer, coverage-guided, with AddressSanitizer (scripts/libfuzz.sh).
        .executableTarget(name: "RenkeiLibFuzz", dependencies: ["RenkeiFuzzTargets", "CLibFuzzer"], swiftSettings: strictSettings),
        // The declaration of libFuzzer's driver, which only a -sanitize=fuzzer link defines.
        .target(name: "CLibFuzzer"),
        .testTarget(
            name: "RenkeiCoreTests", dependencies: ["RenkeiCore", "RenkeiTestSupport"],
            // The loose layer's reference answers, written by scripts/make-loose-fixtures.py; read by path.
            exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiStoreTests",
            dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiIngestTests",
            dependencies: ["RenkeiCore", "RenkeiIngest", "RenkeiHTML", "RenkeiTestSupport"],
            // HTML pages in every Japanese encoding, read by path; made by make_fixtures.py.
            exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiExtractTests",
            dependencies: ["RenkeiCore", "RenkeiExtract", "RenkeiIngest", "RenkeiTestSupport"],
            // Pages written for the tests, with their gold files; scored by .ci/run.
            exclude: ["Pages"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiQueryTests",
            dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiQuery", "RenkeiExtract", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiIndexingTests",
            dependencies: ["RenkeiCore", "RenkeiStore", "RenkeiIndexing", "RenkeiQuery", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiHTTPTests",
            dependencies: [
                "RenkeiHTTP", "RenkeiQuery", "RenkeiStore", "RenkeiCore", "RenkeiExtract", "RenkeiTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        // The PostgreSQL store against a real server; runs when RENKEI_TEST_POSTGRES names one
        // (`.ci/run` starts a primary and a standby with scripts/pg-cluster.sh).
        .testTarget(
            name: "RenkeiPostgresTests",
            dependencies: ["RenkeiPostgres", "RenkeiStore", "RenkeiIndexing", "RenkeiQuery", "RenkeiCore", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
        // The fetcher against a real local HTTP server (`TestSite`).
        .testTarget(
            name: "RenkeiFetchTests",
            dependencies: ["RenkeiFetch", "RenkeiCore", "RenkeiIngest", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenkeiCLITests",
            // `renkei` is listed so the tests can run the real executable.
            dependencies: ["renkei", "RenkeiCLI", "RenkeiStore", "RenkeiCore", "RenkeiIngest", "RenkeiTestSupport"],
            swiftSettings: strictSettings),
    ]
)
