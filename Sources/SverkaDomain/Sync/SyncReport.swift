import SverkaEngine

/// What a `sync` run proposed (the rows are in `proposals`) and what else it found.
public struct SyncReport: Sendable {
    public var kind: SyncKind
    /// Rows in `proposals`.
    public var proposals: Int
    /// Proposals that cannot be sent as they are (an invoice with no counterparty).
    public var incomplete: Int
    /// Rows in `conflicts`.
    public var conflicts: Int
    /// Why some conflicts could not be looked for, when they could not.
    public var conflictsNote: String?
    /// Invoices sent earlier that accounting's export now has (journal: delivered).
    public var delivered: Int
    public var asOf: CalendarDate?
    public var seconds: Double

    /// Lines for stderr.
    public var messages: [String] {
        var lines: [String] = []
        let noun = kind == .invoices ? "invoice" : "status"
        let plural = proposals == 1 ? noun : (kind == .invoices ? "invoices" : "statuses")
        var first = proposals == 0 ? "sync \(kind.rawValue): nothing to propose" : "sync \(kind.rawValue): \(proposals) \(plural) proposed in table proposals"
        if let asOf { first += " (as of \(asOf.iso))" }
        lines.append(first)
        if incomplete > 0 {
            lines.append("  \(incomplete) held back, not ready to send: see the note in proposals")
        }
        if delivered > 0 {
            lines.append("  \(delivered) invoice\(delivered == 1 ? "" : "s") sent earlier now in accounting (journal: delivered)")
        }
        if conflicts > 0 {
            lines.append("  \(conflicts) conflict\(conflicts == 1 ? "" : "s") between the systems in table conflicts")
        }
        if let conflictsNote { lines.append("  \(conflictsNote)") }
        return lines
    }
}

/// What `sync … apply to "FILE"` did.
public struct ApplyReport: Sendable {
    public var proposal: SyncReport
    /// Items written to the file and journaled; 0 when there was nothing new (no file then).
    public var sent: Int
    /// The file as the command named it.
    public var file: String
    public var fileSHA256: String?
    /// Whether the journal lives in memory only, and so ends with the session.
    public var journalInMemory = false

    public var messages: [String] {
        var lines = proposal.messages
        let target = proposal.kind.target
        if sent == 0 {
            // The held-back line stays: it says why there was nothing to send.
            lines[0] = "sync \(proposal.kind.rawValue): nothing new to send to \(target); no file written"
        } else {
            lines.insert("sent \(sent) item\(sent == 1 ? "" : "s") to \(target) in \(file) (journal: \(sent) entr\(sent == 1 ? "y" : "ies"))", at: 1)
            if journalInMemory {
                lines.append("  note: the workspace is in memory, so the journal ends with this session and a later run "
                             + "would send these again; open a workspace file (sverka FILE) to keep it")
            }
        }
        return lines
    }
}
