/// An optional that a list writes as `null` when absent, where synthesized encoding would
/// leave the key out: a list's `next` is null on the last page, so clients can test it.
@propertyWrapper
package struct NullWhenAbsent<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    package var wrappedValue: Value?

    package init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
