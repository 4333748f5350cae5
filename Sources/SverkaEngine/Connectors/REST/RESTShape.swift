/// Where an API keeps its records, how it pages, and how it takes a token: the part of
/// `RESTOptions` that a preset names (`preset: "amocrm"`) and each option may override.
public struct RESTShape: Sendable, Hashable {
    public var recordsPath: String?
    public var paging: RESTPaging
    public var query: [RESTQueryItem]
    /// The query parameter a token is sent in; nil: `Authorization: Bearer …`.
    public var tokenParameter: String?

    public init(recordsPath: String? = nil, paging: RESTPaging = .single, query: [RESTQueryItem] = [],
                tokenParameter: String? = nil) {
        self.recordsPath = recordsPath
        self.paging = paging
        self.query = query
        self.tokenParameter = tokenParameter
    }
}
