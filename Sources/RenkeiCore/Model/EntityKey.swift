/// The one identity of an entity, stable across rebuilds and the same on every machine for
/// the same corpus: what URLs, JSON, exports and JSON-LD `@id`s name an entity by. Row ids
/// stay inside the store.
///
/// | kind | key | from |
/// |---|---|---|
/// | city, prefecture | `city:132128`, `prefecture:130001` | the 全国地方公共団体コード |
/// | company, university, organization | `company:イオン` | the name without its legal form, NFKC, without blanks |
/// | agreement, project | `agreement:3f2a9c0d1b2e4f56` | a hash of the name with its parties and date (an agreement) or its organizer (a project) |
///
/// Agreements are hashed because a name alone does not identify one: dozens of cities sign
/// a 包括連携協定. A name part never holds `/ ? # %` or blanks, so a key fits in a URL path
/// segment once percent-encoded.
package struct EntityKey: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package let kind: EntityKind
    /// What follows `kind:`.
    package let value: String

    package var rawValue: String { "\(kind.rawValue):\(value)" }
    package var description: String { rawValue }

    /// Parses `kind:value`; nil when the kind is unknown or the value empty or unsafe.
    package init?(rawValue: String) {
        guard let key = EntityKey(storedRawValue: rawValue), key.value.unicodeScalars.allSatisfy({ !Self.isReserved($0) }) else {
            return nil
        }
        self = key
    }

    /// Parses a key a store wrote (made by this type, so its value needs no check): the
    /// graph queries read thousands per answer.
    package init?(storedRawValue rawValue: String) {
        guard let colon = rawValue.utf8.firstIndex(of: UInt8(ascii: ":")),
            let kind = EntityKind(rawValue: String(Substring(rawValue.utf8[..<colon])))
        else { return nil }
        let value = String(Substring(rawValue.utf8[rawValue.utf8.index(after: colon)...]))
        guard !value.isEmpty else { return nil }
        self.kind = kind
        self.value = value
    }

    private init(kind: EntityKind, checkedValue value: String) {
        self.kind = kind
        self.value = value
    }

    /// A place by its official code.
    package static func place(_ kind: EntityKind, code: String) -> EntityKey {
        EntityKey(kind: kind, checkedValue: slug(code))
    }

    /// A body by its canonical name (already NFKC and without blanks, as extraction gives it).
    package static func named(_ kind: EntityKind, _ name: String) -> EntityKey {
        EntityKey(kind: kind, checkedValue: slug(name))
    }

    /// An entity whose identity is more than a name: 16 hex digits of a hash of `identity`.
    package static func hashed(_ kind: EntityKind, identity: String) -> EntityKey {
        EntityKey(kind: kind, checkedValue: StableHash.hex(of: identity))
    }

    /// The value with every reserved character replaced by `-`; never empty.
    static func slug(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isReserved(scalar) ? "-" : scalar) }
        return scalars.isEmpty ? "-" : String(scalars)
    }

    /// Characters a key never holds: URL delimiters, `%`, blanks and controls.
    static func isReserved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "?", "#", "%", "\\": true
        default: scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }

    package static func < (lhs: EntityKey, rhs: EntityKey) -> Bool { lhs.rawValue < rhs.rawValue }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = EntityKey(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not an entity key"))
        }
        self = key
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for keys derived from text.
package enum StableHash {
    package static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
