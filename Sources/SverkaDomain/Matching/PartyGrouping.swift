/// What makes two records of one system the same company, strongest first.
enum DuplicateEvidence: Int, Sendable, CaseIterable, Comparable {
    case taxID, email, phone, name

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The value itself is shown for e-mails and phones, which the duplicates table has no
    /// column for; tax id and name are in their own columns.
    func reason(_ value: String) -> String {
        switch self {
        case .taxID: return "same tax id"
        case .email: return "same e-mail \(value)"
        case .phone: return "same phone \(value)"
        case .name: return "same name"
        }
    }
}

/// Puts the records of one system into groups of the same company: union-find over shared
/// valid tax ids, e-mails, phones and normalized names — but never joining two different valid
/// tax ids, which are two legal entities whatever else they share. And a value that records of
/// two legal entities share (an accountant's mailbox, a common name) identifies nobody, so it
/// joins nothing: which of the two would a third record with it belong to?
struct PartyGrouping {
    /// A component number per record; records alone have their own.
    private(set) var parent: [Int]
    /// The valid tax id a component holds, at its root.
    private var taxID: [String?]
    /// Per record, the evidence (with its value) that put it in its group.
    private(set) var reasons: [[(DuplicateEvidence, String)]]

    init(_ parties: [PreparedParty]) {
        parent = Array(parties.indices)
        taxID = parties.map(\.validTaxID)
        reasons = Array(repeating: [], count: parties.count)
        for evidence in DuplicateEvidence.allCases {
            for (value, members) in Self.buckets(parties, by: evidence) where members.count > 1 {
                // Equal names with different kinds of legal form (ООО, АО) are two companies; equal
                // names of several legal entities may still be told apart by their spelling.
                let isName = evidence == .name
                join(members, evidence: evidence, value: value, form: { isName ? parties[$0].name.form : nil },
                     spelling: isName ? { parties[$0].name.spelling } : nil)
            }
        }
    }

    /// Records sharing a value, in record order; the buckets themselves in order of their
    /// first record, so that the grouping does not depend on hashing.
    private static func buckets(_ parties: [PreparedParty], by evidence: DuplicateEvidence) -> [(String, [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, party) in parties.enumerated() {
            let value: String?
            switch evidence {
            case .taxID: value = party.validTaxID
            case .email: value = party.email
            case .phone: value = party.phone
            case .name: value = party.name.key.isEmpty ? nil : party.name.key
            }
            guard let value else { continue }
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(index)
        }
        return order.compactMap { value in members[value].map { (value, $0) } }
    }

    /// Joins the members into one group — unless they already belong to two legal entities;
    /// then, given a `spelling`, the members spelt alike ("Полюс-Юг", not "Полюс Юг") are tried
    /// on their own. Members with different kinds of legal form (`form`) make one group per
    /// kind, and then a member without a form could be either and joins neither.
    private mutating func join(_ members: [Int], evidence: DuplicateEvidence, value: String,
                               form: (Int) -> LegalFormFamily?, spelling: ((Int) -> String)? = nil) {
        var entities = Set<String>()
        for member in members {
            if let tax = taxID[root(member)] { entities.insert(tax) }
        }
        guard entities.count <= 1 else {
            guard let spelling else { return }
            var order: [String] = []
            var alike: [String: [Int]] = [:]
            for member in members {
                let written = spelling(member)
                if alike[written] == nil { order.append(written) }
                alike[written, default: []].append(member)
            }
            guard order.count > 1 else { return }
            for written in order {
                if let group = alike[written], group.count > 1 { join(group, evidence: evidence, value: value, form: form) }
            }
            return
        }
        let forms = Set(members.compactMap(form))
        var anchors: [LegalFormFamily?: Int] = [:]
        for member in members {
            let kind = forms.count > 1 ? form(member) : nil
            if forms.count > 1 && kind == nil { continue }
            guard let anchor = anchors[kind] else {
                anchors[kind] = member
                continue
            }
            if union(member, anchor) {
                note(evidence, value, for: member)
                note(evidence, value, for: anchor)
            }
        }
    }

    private mutating func note(_ evidence: DuplicateEvidence, _ value: String, for member: Int) {
        if !reasons[member].contains(where: { $0.0 == evidence }) { reasons[member].append((evidence, value)) }
    }

    mutating func root(_ index: Int) -> Int {
        var node = index
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins two components unless they hold different valid tax ids; true when they are (now) one.
    private mutating func union(_ a: Int, _ b: Int) -> Bool {
        let left = root(a), right = root(b)
        if left == right { return true }
        if let leftTax = taxID[left], let rightTax = taxID[right], leftTax != rightTax { return false }
        let (kept, merged) = left < right ? (left, right) : (right, left)
        parent[merged] = kept
        taxID[kept] = taxID[kept] ?? taxID[merged]
        return true
    }

    /// The component of every record, flattened.
    mutating func components() -> [Int] {
        parent.indices.map { root($0) }
    }
}
