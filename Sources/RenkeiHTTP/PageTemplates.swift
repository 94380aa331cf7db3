internal import Foundation
internal import Hummingbird
internal import Mustache

/// The staff pages' Mustache templates, shipped as the module's resources and read once when
/// the application is built; a template that does not parse stops the server from starting.
struct PageTemplates: Sendable {
    let library: MustacheLibrary

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ResourceError(detail: "The Templates resource folder is missing from the RenkeiHTTP bundle.")
        }
        var library = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// An HTML answer from a template and its context.
    func page(_ template: String, _ context: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        try rendered(template, context, status: status).response(hit: nil)
    }

    /// The page as a finished body, for the response cache.
    func rendered(_ template: String, _ context: Any, status: HTTPResponse.Status = .ok) throws -> CachedResponse {
        guard let html = library.render(context, withTemplate: template) else {
            throw ResourceError(detail: "No template is named \(template).")
        }
        return CachedResponse(status: status, contentType: "text/html; charset=utf-8", body: ByteBuffer(string: html))
    }

}

/// A resource of the RenkeiHTTP bundle (templates, the OpenAPI document) that is missing or
/// unusable: the server does not start without it.
struct ResourceError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}

/// Text with some ranges marked, as the parts the `marked` partial draws; white space runs
/// become one space.
struct MarkedText: Sendable {
    struct Part: Sendable {
        var text: String
        var mark: Bool
    }

    var parts: [Part]

    /// `highlights` are `[start, end]` scalar offsets into `text`, in order.
    init(_ text: String, highlights: [[Int]]) {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var position = 0
        func add(_ range: Range<Int>, mark: Bool) {
            guard !range.isEmpty else { return }
            let piece = String(String.UnicodeScalarView(scalars[range])).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            parts.append(Part(text: piece, mark: mark))
        }
        for pair in highlights where pair.count == 2 && pair[0] >= position && pair[0] <= pair[1] && pair[1] <= scalars.count {
            add(position..<pair[0], mark: false)
            add(pair[0]..<pair[1], mark: true)
            position = pair[1]
        }
        add(position..<scalars.count, mark: false)
        self.parts = parts
    }
}

/// Japanese words for the graph's kinds and predicates, as the staff pages show them.
enum Labels {
    private static let kinds = [
        "city": "市区町村", "prefecture": "都道府県", "company": "企業", "university": "大学", "organization": "団体",
        "agreement": "協定", "project": "事業",
    ]

    static func kind(_ kind: String) -> String { kinds[kind] ?? kind }

    static func predicate(_ predicate: String, outgoing: Bool) -> String {
        switch (predicate, outgoing) {
        case ("party_to", true): "協定の当事者"
        case ("party_to", false): "当事者"
        case ("participates_in", true): "参加している事業"
        case ("participates_in", false): "参加者"
        case ("organizes", true): "実施している事業"
        case ("organizes", false): "実施主体"
        case ("under", true): "根拠となる協定"
        case ("under", false): "この協定に基づく事業"
        case ("in_prefecture", true): "所在する都道府県"
        case ("in_prefecture", false): "域内の市区町村"
        default: predicate
        }
    }
}
