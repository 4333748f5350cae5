import SverkaDomain
import SverkaEngine

/// What keeps secrets and personal data out of what a session shows and records: the secrets
/// it has read, and the masking that `set mask` turns on for results, exports, messages, the
/// history and the run log.
///
/// Results are masked value by value before they are rendered (so tables stay aligned) with the
/// rules of the columns the roles call personal; everything written to stdout and stderr then
/// passes `scrub`, which finds what no rule covered by its shape.
public final class SessionPrivacy {
    /// The secrets read with `secret NAME from …`; in memory only, never in the workspace.
    public internal(set) var secrets = SecretVault()
    /// The session whose settings say whether to mask; weak, since the session holds this.
    weak var session: Session?

    init() {}

    /// Keeps a secret read by `secret NAME from …`, replacing one of the same name.
    func store(_ secret: Secret, as name: String) {
        secrets.store(secret, as: name)
    }

    /// The session's `set mask` level.
    public var maskLevel: MaskLevel { session?.settings.mask ?? .off }

    /// The masking of a result with these columns at `level` (the session's by default); nil
    /// when that level is off.
    public func masking(for columns: [ResultColumn], level: MaskLevel? = nil) -> Masking? {
        let level = level ?? maskLevel
        guard level.isOn else { return nil }
        return Masking(level: level, columnRules: personalColumns().rules(for: columns))
    }

    /// The columns the workspace's roles make personal, as mapped now; the canonical names and
    /// synonyms alone when the mappings cannot be read.
    func personalColumns() -> PersonalColumns {
        guard let workspace = session?.workspace else { return PersonalColumns() }
        return (try? PersonalColumns(workspace: workspace)) ?? PersonalColumns()
    }

    /// Text fit to be shown or recorded: every secret the session read blanked, secrets written
    /// into statements redacted (`SecretRedaction`), and, with masking on, e-mails, phones and
    /// individuals' tax ids masked. The run log and the audit trail call this for the
    /// statement text and error messages they keep.
    public func scrub(_ text: String) -> String {
        scrubEdits(in: text).applied(to: text)
    }

    /// What `scrub` changes in the text.
    func scrubEdits(in text: String) -> TextEdits {
        let redactions = SecretRedaction.edits(in: text, vault: secrets)
        return maskLevel.isOn ? redactions.merged(with: Masking.edits(in: text)) : redactions
    }

    /// Results on stdout: their cells are data, where `name: value` shapes are not statements,
    /// so only read secrets are blanked, and personal data masked when masking is on.
    func scrubOutput(_ text: String) -> String {
        let blanked = secrets.isEmpty ? text : secrets.redacted(in: text)
        return maskLevel.isOn ? Masking.maskText(blanked) : blanked
    }

    /// Which of a column's values completion may offer: with masking on, none of a personal
    /// column, and none holding an e-mail, phone or tax id — completing a value types it out.
    public func offerable(ofColumn column: String) -> (String) -> Bool {
        guard maskLevel.isOn else { return { _ in true } }
        guard personalColumns().rule(forColumn: column) == nil else { return { _ in false } }
        return { Masking.maskText($0) == $0 }
    }
}
