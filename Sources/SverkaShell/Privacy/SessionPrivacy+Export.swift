import SverkaEngine

extension SessionPrivacy {
    /// Sets an export's masking: its own `mask:` option when given, else the session's
    /// `set mask`, with the rules of the columns the roles call personal. An explicit
    /// `mask: false` under `set mask on` is obeyed, and said.
    func prepare(_ options: inout ExportOptions, columns: [ResultColumn]) {
        let level = options.mask ?? maskLevel
        options.masking = masking(for: columns, level: level)
        if !level.isOn, maskLevel.isOn {
            session?.messages.write("note: this export is not masked (mask: false), although set mask is \(maskLevel.rawValue)\n")
        }
    }
}
