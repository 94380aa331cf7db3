internal import Foundation
internal import Hummingbird
internal import RenkeiCore
internal import RenkeiQuery

/// 協定一覧 (`agreements.mustache`): every agreement with its parties, signing date and the
/// pages it comes from, filtered as `/api/agreements` is, newest first, in pages; and the
/// same list as CSV for Excel (UTF-8 with a byte order mark, which Excel needs to read it).
struct AgreementsPage: Sendable {
    let index: RenkeiIndex
    let templates: PageTemplates
    static let pageSize = 50

    struct Context {
        struct Field { var name: String; var value: String }
        struct KindOption { var value: String; var label: String; var selected: Bool }
        struct Party { var name: String; var href: String; var kind: String }
        struct Source { var document: String; var href: String }
        struct Row { var name: String; var href: String; var signed: String; var parties: [Party]; var sources: [Source] }

        var pageTitle = "協定一覧 - Renkei"
        var party = ""
        var city = ""
        var prefecture = ""
        var signedFrom = ""
        var signedTo = ""
        var nameContains = ""
        var kinds: [KindOption] = []
        var notices: [String] = []
        var hasRows = false
        var rows: [Row] = []
        var csvHref = "/agreements.csv"
        var next: [String] = []
    }

    /// The form fields this page and its CSV take, as the API names them.
    private static let fieldNames = ["party", "kind", "city", "prefecture", "signed_from", "signed_to", "q"]

    func render(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request: request, form: true)
        var context = Context()
        context.party = parameters.string("party") ?? ""
        context.city = parameters.string("city") ?? ""
        context.prefecture = parameters.string("prefecture") ?? ""
        context.signedFrom = parameters.string("signed_from") ?? ""
        context.signedTo = parameters.string("signed_to") ?? ""
        context.nameContains = parameters.string("q") ?? ""
        let kind = parameters.string("kind") ?? ""
        context.kinds = ["company", "university", "organization", "city", "prefecture"].map {
            Context.KindOption(value: $0, label: Labels.kind($0), selected: $0 == kind)
        }
        let filters = Self.query(of: parameters)
        context.csvHref = "/agreements.csv" + (filters.isEmpty ? "" : "?" + filters)
        var status = HTTPResponse.Status.ok
        do {
            let list = try index.collaborations(try parameters.agreementQuery(), cursor: parameters.string("cursor"), limit: Self.pageSize)
            context.notices = list.notices
            context.rows = list.records.map(Self.row)
            context.hasRows = !context.rows.isEmpty
            if let cursor = list.next {
                context.next = ["/agreements?" + (filters.isEmpty ? "" : filters + "&") + "cursor=" + SearchPage.percentEncoded(cursor)]
            }
        } catch let error as QueryError {
            status = .badRequest
            context.notices.append(error.message)
        } catch let error as GraphError {
            status = .badRequest
            context.notices.append(error.message)
        } catch let problem as Problem where problem.status == .badRequest {
            status = .badRequest
            context.notices.append(problem.detail)
        }
        return try templates.page("agreements", context, status: status)
    }

    /// Every agreement the filters select, as CSV: key, name, date, parties, their kinds, topics, documents.
    func csv(_ request: Request) async throws -> Response {
        // Strict, as the API: the page links it with the fields that were filled in only.
        let query = try QueryParameters(request: request).agreementQuery()
        var text = "\u{FEFF}key,協定名,締結日,当事者,当事者の種類,分野,出典\r\n"
        var cursor: String?
        repeat {
            let list = try index.collaborations(query, cursor: cursor, limit: RenkeiIndex.maximumListLimit)
            for record in list.records {
                let fields = [
                    record.summary.key.rawValue, record.summary.name, record.signed ?? "",
                    record.members.map(\.entity.name).joined(separator: "、"),
                    record.members.map { Labels.kind($0.entity.kind.rawValue) }.joined(separator: "、"),
                    record.topics.joined(separator: "、"), record.documents.joined(separator: " "),
                ]
                text += fields.map(GraphExport.csvField).joined(separator: ",") + "\r\n"
            }
            cursor = list.next
        } while cursor != nil
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"agreements.csv\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func row(_ record: CollaborationRecord) -> Context.Row {
        Context.Row(
            name: record.summary.name, href: EntityLinks.page(record.summary.key), signed: record.signed ?? "不明",
            parties: record.members.map {
                Context.Party(name: $0.entity.name, href: EntityLinks.page($0.entity.key), kind: Labels.kind($0.entity.kind.rawValue))
            },
            sources: record.documents.map { document in
                Context.Source(
                    document: document, href: SearchPage.href(query: record.summary.name, filters: SearchFilters(entity: record.summary.key.rawValue))
                )
            })
    }

    /// The filters of this request, percent-encoded, for the CSV and next-page links.
    private static func query(of parameters: QueryParameters) -> String {
        fieldNames.compactMap { name in parameters.string(name).map { "\(name)=\(SearchPage.percentEncoded($0))" } }.joined(separator: "&")
    }
}
