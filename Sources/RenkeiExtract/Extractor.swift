internal import Foundation
package import RenkeiCore

/// Document → entities, mentions and relations: a pure function of the document and the gazetteer.
///
/// Bodies are found by their legal forms (`BodyRecognizer`), places by the gazetteer
/// (`PlaceRecognizer`), agreements from 協定名 / 締結日 / 協定内容 blocks and from sentences
/// that sign a 「…協定」, projects from table columns (事業名, 構成自治体等, 申請額) and from
/// named initiatives. Within a document one entity stands for every spelling of a body.
package struct Extractor: Sendable {
    package let gazetteer: Gazetteer

    package init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    package func extract(_ document: Document) -> Extraction {
        var registry = EntityRegistry(gazetteer: gazetteer)
        // One normalisation of the whole body, split into lines on scalars (splitting a String
        // walks grapheme clusters, which costs more than the extraction itself).
        let body = Normalizer.normalize(document.body, foldingCase: false)
        let lines = Self.lines(of: body)
        let title = Self.prepare(document.title)
        for line in [title] + lines { registry.read(line) }
        for record in document.records {
            for field in record.fields { registry.read(Self.prepare(field.value)) }
        }
        registry.resolvePlaces()
        registry.indexSections(lines)
        let tableLines = document.records.flatMap { $0.fields.map { Self.prepare($0.value) } }
        let context = PageContext(lines: lines, title: title, tableLines: tableLines, registry: registry, pageCity: registry.pageCity())
        // Most pages (manuals, notices) have no agreement and no table of projects: their
        // readers are not started.
        if lines.contains(where: AgreementReader.containsAgreementWord) || tableLines.contains(where: AgreementReader.containsAgreementWord) {
            AgreementReader(context: context, records: document.records).read(into: &registry)
        }
        if !document.records.isEmpty || TableProjectReader.projectColumns.contains(where: { ByteSearch.contains($0, in: body) }) {
            TableProjectReader(title: title, records: document.records, lines: lines).read(into: &registry)
        }
        NamedProjectReader(context: context, text: body).read(into: &registry)
        var entities = registry.entities()
        Self.attachMentions(&entities, text: Self.text(of: document))
        return Extraction(document: document.id, entities: entities)
    }

    /// The text that mention and evidence offsets count in: the document's own text, then
    /// its records' text, separated by line ends.
    package static func text(of document: Document) -> String {
        document.records.isEmpty ? document.body : document.body + "\n" + document.records.map(\.text).joined(separator: "\n")
    }

    /// The document's contribution to the knowledge graph, with the fiscal years it is about.
    package func graph(of document: Document) -> DocumentGraph {
        let text = Self.text(of: document)
        var graph = extract(document).graph(text: text)
        graph.fiscalYears = DateScanner.fiscalYears(in: document.title + "\n" + text)
        return graph
    }

    /// The text's lines (split at every line end, empty ones kept) as characters, decoded in
    /// one pass over the bytes: splitting the scalar view cost as much as normalising.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [[Unicode.Scalar]] = []
            var line: [Unicode.Scalar] = []
            var position = 0
            while position < bytes.count {
                let (scalar, length) = UTF8Scanner.decode(bytes, at: position)
                position += length
                if scalar == 0x0A {
                    lines.append(line)
                    line.removeAll(keepingCapacity: true)
                } else {
                    line.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
                }
            }
            lines.append(line)
            return lines
        }
    }

    /// NFKC with NFC (ｶﾞ → ガ), as characters: names come out in their normal form, and the
    /// scorer compares NFKC forms.
    static func prepare(_ text: String) -> [Unicode.Scalar] {
        Array(Normalizer.normalize(text, foldingCase: false).unicodeScalars)
    }

    /// A text in the normal form names are read in.
    static func normalized(_ text: String) -> String {
        String(prepare(text))
    }

    /// Every place the entity's names are written, as scalar ranges of `text`.
    static func attachMentions(_ entities: inout [ExtractedEntity], text: String) {
        guard !entities.isEmpty else { return }
        let normalized = Normalizer.normalizeWithMap(text)
        let offsets = ScalarOffsets(text)
        for index in entities.indices {
            var ranges: [Range<Int>] = []
            for name in Set(entities[index].allNames) where !name.isEmpty {
                for occurrence in normalized.occurrences(of: Normalizer.normalize(name)) {
                    ranges.append(offsets.scalarRange(ofBytes: normalized.originalByteRange(of: occurrence)))
                }
            }
            // Ties broken by end, so the output does not depend on the set's order.
            entities[index].mentions = Array(Set(ranges)).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
            if let evidence = entities[index].evidenceText?.trimmingSpaces(), !evidence.isEmpty,
                let occurrence = normalized.occurrences(of: Normalizer.normalize(evidence)).first
            {
                entities[index].evidence = offsets.scalarRange(ofBytes: normalized.originalByteRange(of: occurrence))
            }
        }
    }
}
