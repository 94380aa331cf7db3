internal import Foundation
package import RenkeiCore

/// Search filters as people give them: a city by name or code, an entity by key or name, an
/// entity kind, a fiscal year. `resolve` turns them into entity keys.
package struct SearchFilters: Hashable, Sendable {
    /// A city name (府中市 stands for every city of that name) or its 6-digit code.
    package var city: String?
    /// An entity key (`company:イオン`), or an entity's exact name or alias.
    package var entity: String?
    package var kind: EntityKind?
    package var fiscalYear: Int?

    package init(city: String? = nil, entity: String? = nil, kind: EntityKind? = nil, fiscalYear: Int? = nil) {
        self.city = city
        self.entity = entity
        self.kind = kind
        self.fiscalYear = fiscalYear
    }

    package var isEmpty: Bool { city == nil && entity == nil && kind == nil && fiscalYear == nil }

    /// The store's filter, or nil with the reason when a city or entity the index does not
    /// know makes every document fail it (no error: "documents naming X" are simply none).
    func resolve(in store: any IndexReading) throws -> (filter: SearchFilter?, notices: [String]) {
        var filter = SearchFilter(entityKind: kind, fiscalYear: fiscalYear)
        var notices: [String] = []
        if let city {
            let isCode = city.count == 6 && city.allSatisfy(\.isASCII) && city.allSatisfy(\.isNumber)
            let cities = try (isCode ? store.entities(code: city) : store.entities(named: city)).filter { $0.kind == .city }
            if cities.isEmpty {
                notices.append("No document names a city \(city). Give a city name such as 日野市 or its 6-digit code such as 132128.")
            }
            filter.entitySets.append(cities.map(\.key))
        }
        if let entity {
            let entities =
                try EntityKey(rawValue: entity).flatMap { key in try store.entity(key).map { [$0.summary] } }
                ?? store.entities(named: entity)
            if entities.isEmpty {
                notices.append("No entity has the key or name \(entity). Find one with /api/entities?q=….")
            }
            filter.entitySets.append(entities.map(\.key))
        }
        return (notices.isEmpty ? filter : nil, notices)
    }
}
