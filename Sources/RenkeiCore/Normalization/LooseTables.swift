internal import Foundation

/// The loose layer's two tables, shipped with the package (`Resources/`, copied from
/// `../shared/data`): kanji variants (`itaiji.tsv`) and spelling-variant classes
/// (`spelling-variants.tsv`, from SudachiDict, Apache-2.0). Read once, on first use.
struct LooseTables: Sendable {
    static let shared = LooseTables()

    /// Kanji variant → folded form, one character each, as the fold reads it.
    let kanjiTable: KanjiTable
    /// Classes of spellings of one word, each spelling normalised (NFKC, lower case).
    let spellingClasses: [[String]]
    /// The classes with a spelling that starts with each character, so a term is compared
    /// only with the classes that can occur in it.
    let classesByFirstCharacter: [Unicode.Scalar: [Int]]

    private init() {
        var kanji: [Unicode.Scalar: Unicode.Scalar] = [:]
        for fields in Self.rows("itaiji") where fields.count >= 2 {
            let variant = fields[0].unicodeScalars, folded = fields[1].unicodeScalars
            if variant.count == 1, folded.count == 1 { kanji[variant.first!] = folded.first! }
        }
        kanjiTable = KanjiTable(kanji)
        spellingClasses = Self.rows("spelling-variants").map { $0.map { Normalizer.normalize($0) } }
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (index, spellings) in spellingClasses.enumerated() {
            for first in Set(spellings.compactMap(\.unicodeScalars.first)) { byFirst[first, default: []].append(index) }
        }
        classesByFirstCharacter = byFirst
    }

    /// The tab-separated rows of a resource, without `#` comments and blank lines.
    private static func rows(_ name: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("The resource \(name).tsv is missing from the RenkeiCore bundle.") }
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

extension LooseFold {
    /// What a document must contain, folded, to match `term` loosely: the fold of the term
    /// and of each spelling variant of it (one class substituted at a time, every occurrence,
    /// no chains), without empty folds. Sorted, so plans and tests are repeatable.
    package static func needles(of term: String) -> [String] {
        Set(variants(of: term).map { fold(normalized: $0) }).filter { !$0.isEmpty }.sorted()
    }

    /// The term (normalised) and, for every spelling of a class that occurs in it, the term
    /// with each occurrence replaced by each other spelling of that class.
    package static func variants(of term: String) -> Set<String> {
        let normalized = Normalizer.normalize(term)
        var variants: Set<String> = [normalized]
        let tables = LooseTables.shared
        var candidates = Set<Int>()
        for scalar in Set(normalized.unicodeScalars) { candidates.formUnion(tables.classesByFirstCharacter[scalar] ?? []) }
        for index in candidates.sorted() {
            let spellings = tables.spellingClasses[index]
            for spelling in spellings where ByteSearch.contains(spelling, in: normalized) {
                for other in spellings where other != spelling {
                    variants.insert(replacingEvery(spelling, with: other, in: normalized))
                }
            }
        }
        return variants
    }

    /// Python's `str.replace`: every occurrence, left to right, not overlapping.
    static func replacingEvery(_ target: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8), needle = Array(target.utf8)
        guard !needle.isEmpty else { return text }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                output.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
