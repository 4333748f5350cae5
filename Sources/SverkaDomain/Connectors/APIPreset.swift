import Foundation
import SverkaEngine

/// The JSON APIs of the CRMs and the accounting system sverka reconciles, as named option sets
/// for `load api … with (preset: "amocrm")`. Each names a `RESTShape` — where the records are,
/// how pages go, how a token travels — and any option given beside it overrides that part.
///
/// They live in the domain, not the engine: the engine reads any JSON API and knows no CRM;
/// knowing that amoCRM keeps leads at `_embedded.leads` is knowledge of the systems sverka
/// integrates, like the role synonyms.
public enum APIPreset: String, CaseIterable, Sendable {
    /// amoCRM API v4: `GET /api/v4/leads` → `_embedded.leads`, the next page at
    /// `_links.next.href`, 250 records a page (its maximum), a bearer token (a long-lived token
    /// or OAuth). An empty page is `204 No Content`.
    case amocrm
    /// Bitrix24 REST: `crm.deal.list` → `result`, 50 records a page, the next page's offset in
    /// `next`, sent back as `start`; the OAuth token as the `auth` parameter.
    case bitrix24
    /// 1C:Enterprise's standard OData interface: `…/odata/standard.odata/Catalog_Контрагенты` →
    /// `value`, JSON asked for with `$format=json`, pages by `$top`/`$skip`; basic authentication.
    case odata

    /// The names `preset:` takes; "1c" is another name for odata.
    public static let names = ["amocrm", "bitrix24", "1c", "odata"]

    public static func named(_ name: String) -> APIPreset? {
        let lowered = name.lowercased()
        return lowered == "1c" ? .odata : APIPreset(rawValue: lowered)
    }

    /// The shape for this URL: amoCRM's records are named after the entity, the URL's last part.
    public func shape(for url: URL) -> RESTShape {
        switch self {
        case .amocrm:
            let entity = url.lastPathComponent
            return RESTShape(recordsPath: entity.isEmpty || entity == "/" ? nil : "_embedded." + entity,
                             paging: .nextLink(path: "_links.next.href"), query: [RESTQueryItem("limit", "250")])
        case .bitrix24:
            return RESTShape(recordsPath: "result", paging: .cursor(path: "next", parameter: "start"), tokenParameter: "auth")
        case .odata:
            return RESTShape(recordsPath: "value", paging: .offset(parameter: "$skip", sizeParameter: "$top", size: 1000),
                             query: [RESTQueryItem("$format", "json")])
        }
    }
}
