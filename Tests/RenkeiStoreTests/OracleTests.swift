import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTestSupport
import Testing

/// The index against the definition of a match: a document matches a term iff the normalised
/// term is a substring of the normalised text. Thousands of generated queries, each compared
/// with a scan of every document.
@Suite struct OracleTests {
    /// Random substrings of the pages (1–12 characters, blanks and line ends included), with
    /// random width and case variants, plus strings spliced from two places, which mostly occur nowhere.
    @Test func phraseHitsEqualSubstringScan() throws {
        let (store, documents) = try Fixtures.corpusStore()
        let scan = Scan(documents)
        let sources = documents.flatMap { [$0.body] + $0.records.map(\.text) }
        var random = SplitMix64(state: 20261122)
        var checked = 0, withHits = 0, withoutHits = 0
        for round in 0..<3_000 {
            let source = Array(sources[Int.random(in: 0..<sources.count, using: &random)])
            let length = Int.random(in: 1...12, using: &random)
            let start = Int.random(in: 0...(source.count - length), using: &random)
            var query = String(source[start..<(start + length)])
            if round % 4 == 3 {
                // Splice: half of this substring and the start of another one.
                let other = Array(sources[Int.random(in: 0..<sources.count, using: &random)])
                let otherStart = Int.random(in: 0..<max(1, other.count - 6), using: &random)
                query = String(query.prefix(max(1, length / 2))) + String(other[otherStart..<(otherStart + Int.random(in: 1...5, using: &random))])
            }
            query = Variants.random(of: query, using: &random)
            guard let parsed = try? SearchQuery(phrase: query) else { continue }
            let expected = scan.matching(parsed.includedTerms[0].normalized)
            let actual = Set(try store.matchingDocumentIDs(parsed))
            #expect(actual == expected, "query \(query.debugDescription)")
            checked += 1
            if expected.isEmpty { withoutHits += 1 } else { withHits += 1 }
        }
        // The oracle must exercise both sides, or it proves nothing.
        #expect(checked > 2_500)
        #expect(withHits > 1_000)
        #expect(withoutHits > 200)
    }

    /// Boolean queries (AND, OR, NOT of generated terms) against the same scan.
    @Test func booleanQueriesEqualScan() throws {
        let (store, documents) = try Fixtures.corpusStore()
        let scan = Scan(documents)
        let sources = documents.flatMap { [$0.body] + $0.records.map(\.text) }
        var random = SplitMix64(state: 7)
        for _ in 0..<400 {
            var clauses: [Clause] = []
            for clauseIndex in 0..<Int.random(in: 1...3, using: &random) {
                let term = SearchTerm(written: Self.randomTerm(sources, using: &random))
                guard BigramTokenizer.hasSearchableCharacter(term.normalized) else { continue }
                if clauseIndex > 0, Bool.random(using: &random) {
                    clauses.append(.excluding(term))
                } else if Bool.random(using: &random) {
                    let other = SearchTerm(written: Self.randomTerm(sources, using: &random))
                    guard BigramTokenizer.hasSearchableCharacter(other.normalized) else { continue }
                    clauses.append(.anyOf([term, other]))
                } else {
                    clauses.append(.anyOf([term]))
                }
            }
            guard clauses.contains(where: { if case .anyOf = $0 { true } else { false } }) else { continue }
            let query = SearchQuery(clauses: clauses)
            let expected = scan.matchingUnits(query)
            #expect(Set(try store.matchingDocumentIDs(query)) == Set(expected.map(\.document)), "\(query)")
            #expect(try store.search(query, limit: 10).total == expected.count, "\(query)")
        }
    }

    static func randomTerm(_ sources: [String], using random: inout SplitMix64) -> String {
        let source = Array(sources[Int.random(in: 0..<sources.count, using: &random)])
        let length = Int.random(in: 1...4, using: &random)
        let start = Int.random(in: 0...(source.count - length), using: &random)
        return String(source[start..<(start + length)])
    }
}

/// The definition of a match, by brute force over each search unit (a document's own text
/// with its title, or one record of a table).
struct Scan {
    struct Unit {
        var document: DocumentID
        var texts: [String]
    }

    let units: [Unit]

    init(_ documents: [Document]) {
        units = documents.flatMap { document in
            [Unit(document: document.id, texts: [Normalizer.normalize(document.title), Normalizer.normalize(document.body)])]
                + document.records.map { Unit(document: document.id, texts: [Normalizer.normalize($0.text)]) }
        }
    }

    func matches(_ unit: Unit, _ normalizedTerm: String) -> Bool {
        unit.texts.contains { $0.contains(normalizedTerm) }
    }

    /// Documents with a unit containing the term.
    func matching(_ normalizedTerm: String) -> Set<DocumentID> {
        Set(units.filter { matches($0, normalizedTerm) }.map(\.document))
    }

    /// Units satisfying every clause.
    func matchingUnits(_ query: SearchQuery) -> [Unit] {
        units.filter { unit in
            query.clauses.allSatisfy { clause in
                switch clause {
                case .anyOf(let terms): terms.contains { matches(unit, $0.normalized) }
                case .excluding(let term): !matches(unit, term.normalized)
                }
            }
        }
    }
}

/// Width and case variants a person might type for the same text.
enum Variants {
    static func random(of text: String, using random: inout SplitMix64) -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return text
        case 1: return String(String.UnicodeScalarView(text.unicodeScalars.map(fullWidth)))
        case 2: return text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
        default: return Bool.random(using: &random) ? text.uppercased() : text.lowercased()
        }
    }

    /// ASCII letters and digits to their full-width forms.
    static func fullWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return scalar }
        return Unicode.Scalar(scalar.value + 0xFEE0)!
    }
}
