/// One record in a group of duplicates.
public struct DuplicateMember: Sendable, Hashable {
    public var record: PartyRecord
    /// Why it is in the group: "same tax id, same e-mail info@romashka.ru".
    public var reason: String
    public var isSurvivor: Bool
}

/// Records of one system that are one company; the suggested survivor first.
public struct DuplicateGroup: Sendable, Hashable {
    public var members: [DuplicateMember]

    public var survivor: DuplicateMember? { members.first }
}

/// What `dedupe` found.
public struct DuplicateReport: Sendable, Hashable {
    public var records: Int
    public var groups: [DuplicateGroup]
    /// Tax ids that failed their check: not used to group.
    public var invalidTaxIDs: InvalidTaxIDs

    /// Records that would go if every group kept only its survivor.
    public var redundantRecords: Int { groups.reduce(0) { $0 + $1.members.count - 1 } }
}

/// Finds duplicate records within one system: the same valid tax id, the same normalized name,
/// the same e-mail or phone — never two different valid tax ids in one group.
public enum DuplicateFinder {
    public static func find(in records: [PartyRecord]) -> DuplicateReport {
        let parties = records.map(PreparedParty.init)
        var grouping = PartyGrouping(parties)
        let components = grouping.components()
        var members: [Int: [Int]] = [:]
        for (index, component) in components.enumerated() { members[component, default: []].append(index) }
        var groups: [DuplicateGroup] = []
        for indices in members.values where indices.count > 1 {
            let ordered = indices.sorted { better(parties[$0], than: parties[$1]) }
            let survivor = ordered[0]
            let rest = ordered.dropFirst().sorted { IDOrder.precedes(parties[$0].record.id, parties[$1].record.id) }
            groups.append(DuplicateGroup(members: ([survivor] + rest).map { index in
                let reason = grouping.reasons[index].sorted { $0.0 < $1.0 }.map { $0.0.reason($0.1) }
                return DuplicateMember(record: parties[index].record, reason: reason.joined(separator: ", "),
                                       isSurvivor: index == survivor)
            }))
        }
        groups.sort { left, right in
            IDOrder.precedes(left.members[0].record.id, right.members[0].record.id)
        }
        return DuplicateReport(records: records.count, groups: groups, invalidTaxIDs: InvalidTaxIDs(parties))
    }

    /// The survivor rule: a valid tax id, then the most fields filled, then the oldest record
    /// (a missing date counts as newest), then the lowest id.
    static func better(_ a: PreparedParty, than b: PreparedParty) -> Bool {
        let aValid = a.validTaxID != nil, bValid = b.validTaxID != nil
        if aValid != bValid { return aValid }
        if a.record.filledFields != b.record.filledFields { return a.record.filledFields > b.record.filledFields }
        switch (a.record.createdAt, b.record.createdAt) {
        case let (left?, right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: return IDOrder.precedes(a.record.id, b.record.id)
        }
    }
}

/// Tax ids that failed their check: how many, and a few to show.
public struct InvalidTaxIDs: Sendable, Hashable, Codable {
    public var count: Int
    /// Up to three, as "id: value".
    public var examples: [String]

    public init(count: Int = 0, examples: [String] = []) {
        self.count = count
        self.examples = examples
    }

    init(_ parties: [PreparedParty]) {
        var count = 0
        var examples: [String] = []
        for party in parties {
            guard case .invalid(let text) = party.tax else { continue }
            count += 1
            if examples.count < 3 { examples.append("\(party.record.id): \(text)") }
        }
        self.init(count: count, examples: examples)
    }
}
