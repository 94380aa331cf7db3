import RenkeiExtract
import Testing

@Suite struct GazetteerTests {
    @Test(arguments: [("日野市", "132128", "東京都"), ("横浜市磯子区", "141071", "神奈川県"), ("磯子区", "141071", "神奈川県"), ("調布市", "132080", "東京都")])
    func codes(name: String, code: String, prefecture: String) {
        let found = Gazetteer.shared.candidates(named: name)
        #expect(found.map(\.code) == [code])
        #expect(found.first?.prefecture == prefecture)
    }

    /// 法人番号 of local governments: check digit + 000020 + 団体コード (東京都 8000020130001 as published).
    @Test(arguments: [("日野市", "1000020132128"), ("横浜市", "3000020141003"), ("東京都", "8000020130001")])
    func corporateNumbers(name: String, number: String) {
        #expect(Gazetteer.shared.candidates(named: name).first?.corporateNumber == number)
    }

    @Test func sharedNamesHaveSeveralCandidates() {
        #expect(Set(Gazetteer.shared.candidates(named: "府中市").map(\.prefecture)) == ["東京都", "広島県"])
        #expect(Gazetteer.shared.candidates(named: "南区").count > 5)
    }
}
