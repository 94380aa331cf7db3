import Foundation
import RenkeiCore
import RenkeiQuery
import RenkeiStore
import RenkeiTestSupport
import Testing

@Suite struct SearchServiceTests {
    static let corpus = RenkeiIndex(storage: try! Fixtures.corpusStore().store)

    @Test func wideQueryHighlightsTheNarrowText() throws {
        let results = try Self.corpus.search("ＷＡＯＮ")
        #expect(results.total == 1)
        let marked = results.hits[0].snippets.flatMap { snippet in
            snippet.highlights.map { pair in
                String(String.UnicodeScalarView(Array(snippet.text.unicodeScalars)[pair[0]..<pair[1]]))
            }
        }
        #expect(!marked.isEmpty)
        #expect(Set(marked) == ["WAON"])
    }

    @Test func fullWidthDigitsFindHalfWidth() throws {
        let results = try Self.corpus.search("令和５年度")
        // The table's own text (its title) ranks first, then the records that mention the year.
        #expect(results.hits.first?.id == "002_0b168d8097b10a9a.txt")
        #expect(Set(results.hits.map(\.document)) == ["002_0b168d8097b10a9a.txt"])
        #expect(results.hits.dropFirst().allSatisfy { $0.record != nil && $0.id == "\($0.document)#\($0.record!)" })
        #expect(results.hits[0].titleHighlights == [[0, 5]])
        #expect(results.hits[0].title.hasPrefix("令和5年度"))
    }

    /// Characters that are FTS5 syntax are plain text here: a result or an empty page, never an error.
    @Test(arguments: ["\"", "*", "(", ")", "NEAR(", "^", "a:b", "{title}", "AND", "NOT", "\"\"\"", "'", ";"])
    func syntaxCharactersAreLiteral(query: String) throws {
        let results = try Self.corpus.search(query)
        #expect(results.total >= 0)
    }

    @Test(arguments: [String(repeating: "協", count: 10_000), "   ", "\u{3000}", "OR", "-協定"])
    func badQueriesAreExplained(query: String) {
        do {
            _ = try Self.corpus.search(query)
            Issue.record("no error for \(query.prefix(20))")
        } catch let error as QueryError {
            #expect(!error.message.isEmpty)
            #expect(!error.message.lowercased().contains("sqlite"))
            #expect(!error.message.contains("fts5"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func pagesAreConsistent() throws {
        let all = try Self.corpus.search("市", limit: 10)
        let first = try Self.corpus.search("市", limit: 2)
        let second = try Self.corpus.search("市", limit: 2, offset: 2)
        #expect(all.total == 5 + 12) // five documents' own texts and twelve of 002's records
        #expect(first.hits.map(\.id) + second.hits.map(\.id) == Array(all.hits.prefix(4).map(\.id)))
        #expect(second.hits.map(\.rank) == [3, 4])
        #expect(throws: QueryError.self) { try Self.corpus.search("市", limit: 0) }
    }

    /// Facets alone, for a query and filters: what the search page's facet links count.
    @Test func facetsCountTheMatchingDocuments() throws {
        let facets = try Self.corpus.facets("協定")
        let results = try Self.corpus.search("協定", limit: 100, facets: true)
        #expect(facets == results.facets)
        #expect(facets.documents > 0)
        #expect(try Self.corpus.facets("協定", filters: SearchFilters(city: "存在しない市")) == SearchFacets())
    }
}
