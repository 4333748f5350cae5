import SverkaEngine
import SverkaSyntax

extension Receivables {
    /// `aging(AgingRequest(asOf: date, …))` for each of `dates` that one read can answer (see
    /// `AgingSeries`); a date missing from the result is for `aging` itself.
    func agingSeries(_ dates: [CalendarDate], like template: AgingRequest) -> [CalendarDate: AgingResult] {
        do {
            let conversion = try CurrencyConversion.reading(workspace, base: currency)
            let series = AgingSeries(dates: dates, template: template, base: conversion.base)
            return try reading { scratch throws(Diagnostic) in try series.results(in: scratch, conversion: conversion) } ?? [:]
        } catch {
            return [:]
        }
    }
}
