import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// 協定一覧: the agreements table with the API's filters, and its CSV for Excel.
@Suite struct AgreementsPageTests {
    @Test func theTableListsAgreementsWithPartiesAndFilters() async throws {
        try await ServerTests.application().test(.live) { client in
            try await client.execute(uri: ServerTests.path("/agreements", ["party": "日野市", "signed_from": "2016"]), method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "<td class=\"date\">").count - 1 == 4)
                #expect(html.contains("<td class=\"date\">2018-09-12</td>"))
                #expect(html.contains("<a href=\"/entities/city:132128\">日野市</a>"))
                // The form keeps what was asked, and the CSV link carries the same filters.
                #expect(html.contains("name=\"signed_from\" value=\"2016\""))
                #expect(html.contains("href=\"/agreements.csv?party=%E6%97%A5%E9%87%8E%E5%B8%82&amp;signed_from=2016\""))
            }
            try await client.execute(uri: ServerTests.path("/agreements", ["signed_from": "2016-13"]), method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("signed_from must be a year"))
            }
            // Empty form fields mean "not given".
            try await client.execute(uri: "/agreements?party=&kind=&signed_to=", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).components(separatedBy: "<td class=\"date\">").count - 1 == 9)
            }
        }
    }

    @Test func theCSVOpensInExcel() async throws {
        try await ServerTests.application().test(.live) { client in
            try await client.execute(uri: "/agreements.csv?kind=company", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"agreements.csv\"")
                let bytes = Array(response.body.readableBytesView)
                #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
                let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first == "key,協定名,締結日,当事者,当事者の種類,分野,出典")
                #expect(lines.count == 1 + 7)
                #expect(lines.contains { $0.hasPrefix("agreement:5905e989e5772b38,相互協力・連携に関する協定,2014-09-30,イオン株式会社、日野市,企業、市区町村,") })
            }
        }
    }
}
