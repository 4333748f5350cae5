/// The column names, in English and Russian, under which exports usually carry each canonical
/// field, so that `map deals as crm.deals` finds `budget` for amount and `ИНН` for tax_id.
///
/// Names are compared by `FieldSynonyms.key`: letters and digits only, lowercased, ё as е; so
/// `Tax ID`, `tax_id`, `TaxId` and `tax-id` are one name, and so are `E-mail` and `email`.
public enum FieldSynonyms {
    /// Letters and digits of a column name, lowercased, ё read as е.
    public static func key(_ name: String) -> String {
        String(name.lowercased().replacingOccurrences(of: "ё", with: "е").filter { $0.isLetter || $0.isNumber })
    }

    /// Synonyms of a field in a role, most telling first; the field's own name is not among them.
    public static func synonyms(of field: String, in role: CanonicalRole) -> [String] {
        if field == "id" { return idSynonyms(of: role) }
        return (byRole[role.name]?[field] ?? []) + (common[field] ?? [])
    }

    /// `deal_id` for crm.deals, `invoice_id` for acc.invoices, `counterparty_id` for
    /// acc.counterparties: the entity's singular with `_id`, then the usual words.
    private static func idSynonyms(of role: CanonicalRole) -> [String] {
        let singular = singulars[role.entity] ?? role.entity
        return ["\(singular)_id"] + (byRole[role.name]?["id"] ?? []) + ["код", "uid", "guid"]
    }

    /// A table-prefixed id for a source table that is named otherwise (`leads` → `lead_id`).
    static func tableIDSynonym(forTable table: String) -> String? {
        let last = table.split(separator: ".").last.map(String.init) ?? table
        guard last.count > 1 else { return nil }
        let singular = last.hasSuffix("ies") ? String(last.dropLast(3)) + "y"
            : last.hasSuffix("s") ? String(last.dropLast()) : last
        return "\(singular)_id"
    }

    private static let singulars = [
        "clients": "client", "deals": "deal", "activities": "activity", "counterparties": "counterparty",
        "invoices": "invoice", "payments": "payment", "costs": "cost", "rates": "rate",
    ]

    /// Synonyms a field has in every role that has it.
    private static let common: [String: [String]] = [
        "name": ["title", "company", "company_name", "name_full", "full_name", "наименование", "полное_наименование",
                 "контрагент", "название", "компания", "организация"],
        "tax_id": ["inn", "tin", "инн", "vat_id"],
        "email": ["mail", "email_address", "почта", "электронная_почта", "эл_почта", "емейл"],
        "phone": ["telephone", "tel", "phone_number", "mobile", "телефон", "тел", "мобильный", "контактный_телефон"],
        "region": ["city", "area", "регион", "город", "область"],
        "manager": ["responsible", "responsible_user", "responsible_user_name", "owner", "sales_rep", "assigned_to",
                    "ответственный", "менеджер"],
        "created_at": ["created", "created_date", "create_date", "date_created", "creation_date", "дата_создания",
                       "создан", "создана", "создано"],
        "amount": ["sum", "total", "budget", "price", "value", "amount_rub", "сумма", "сумма_с_ндс", "сумма_документа",
                   "бюджет", "стоимость", "цена", "итого"],
        "currency": ["currency_code", "cur", "валюта"],
        "product": ["product_sku", "sku", "product_name", "item", "service", "товар", "продукт", "услуга", "номенклатура"],
        "client_id": ["contact_id", "company_id", "customer_id", "клиент_id", "id_клиента", "код_клиента"],
        // In an accounting export without a name field, "Контрагент" is the counterparty itself.
        "counterparty_id": ["contractor_id", "partner_id", "контрагент_id", "id_контрагента", "код_контрагента", "контрагент"],
        "kind": ["type", "category", "тип", "вид"],
        "date": ["дата", "operation_date", "posting_date", "дата_операции"],
    ]

    /// Synonyms that hold in one role only: a "Статус" is a deal's stage, a "Дата" an invoice's
    /// issue date or a payment's date.
    private static let byRole: [String: [String: [String]]] = [
        "crm.clients": ["id": ["customer_id", "company_id", "contact_id", "id_клиента", "код_клиента"]],
        "crm.deals": [
            "id": ["lead_id", "opportunity_id", "id_сделки", "номер_сделки"],
            "stage": ["status", "pipeline_stage", "deal_stage", "status_name", "статус", "этап", "стадия", "статус_сделки"],
            "closed_at": ["closed", "close_date", "closed_date", "date_closed", "дата_закрытия", "закрыта"],
        ],
        "crm.activities": [
            "id": ["task_id", "event_id", "id_задачи"],
            "kind": ["activity_type", "event_type"],
            "at": ["datetime", "timestamp", "date", "time", "when", "start", "дата", "дата_время", "время"],
        ],
        "acc.counterparties": ["id": ["contractor_id", "partner_id", "код_контрагента", "id_контрагента"]],
        "acc.invoices": [
            // 1C names a document by its number: "Номер" is the invoice when nothing else is.
            "id": ["id_счета", "счет_id", "номер", "номер_счета", "номер_документа"],
            "issue_date": ["date", "invoice_date", "issued", "issued_at", "document_date", "дата", "дата_счета",
                           "дата_документа"],
            "due_date": ["due", "due_at", "payment_due", "pay_by", "срок_оплаты", "оплатить_до", "срок"],
            "deal_id": ["lead_id", "opportunity_id", "сделка", "id_сделки", "номер_сделки"],
            "number": ["invoice_number", "invoice_no", "doc_number", "document_number", "no", "номер", "номер_счета",
                       "номер_документа"],
        ],
        "acc.payments": [
            "id": ["id_платежа", "платеж_id", "номер", "номер_платежа", "номер_документа"],
            "paid_at": ["date", "payment_date", "paid", "paid_date", "дата", "дата_оплаты", "дата_платежа"],
            "invoice_id": ["invoice", "счет", "id_счета", "счет_id"],
            "amount": ["сумма_платежа", "payment_amount"],
        ],
        "acc.costs": [
            "id": ["expense_id", "id_расхода"],
            "account": ["account_code", "gl_account", "счет", "счет_учета", "счет_затрат", "субсчет"],
            "kind": ["cost_type", "expense_type", "статья", "статья_затрат"],
            "counterparty_id": ["supplier_id", "vendor_id", "поставщик_id"],
            "amount": ["expense", "cost", "расход"],
        ],
        "acc.rates": [
            "rate": ["exchange_rate", "курс", "value"],
            "currency": ["code", "код_валюты"],
        ],
    ]
}
