/// The functions of the language, for help and completion: name, how it is called, what it does.
public struct FunctionDescription: Sendable {
    public var name: String
    public var signature: String
    public var summary: String
    public var isAggregate: Bool
}

public enum FunctionCatalog {
    public static let all: [FunctionDescription] = [
        .init(name: "sum", signature: "sum(x)", summary: "total; exact for money", isAggregate: true),
        .init(name: "count", signature: "count() / count(x)", summary: "rows, or non-null values of x", isAggregate: true),
        .init(name: "count_distinct", signature: "count_distinct(x)", summary: "distinct non-null values", isAggregate: true),
        .init(name: "avg", signature: "avg(x)", summary: "mean; money rounded to its scale", isAggregate: true),
        .init(name: "min", signature: "min(x)", summary: "smallest value", isAggregate: true),
        .init(name: "max", signature: "max(x)", summary: "largest value", isAggregate: true),
        .init(name: "round", signature: "round(x, places = 0)", summary: "round half away from zero; exact for money", isAggregate: false),
        .init(name: "abs", signature: "abs(x)", summary: "absolute value", isAggregate: false),
        .init(name: "floor", signature: "floor(x)", summary: "largest whole number not above x", isAggregate: false),
        .init(name: "ceil", signature: "ceil(x)", summary: "smallest whole number not below x", isAggregate: false),
        .init(name: "least", signature: "least(a, b, …)", summary: "smallest of its arguments", isAggregate: false),
        .init(name: "greatest", signature: "greatest(a, b, …)", summary: "largest of its arguments", isAggregate: false),
        .init(name: "number", signature: "number(x)", summary: "x as a floating-point number; text that is not a plain number (12, -1.5, 2e3) gives null", isAggregate: false),
        .init(name: "int", signature: "int(x)", summary: "x as a whole number (truncated); null for text that is not a number", isAggregate: false),
        .init(name: "text", signature: "text(x)", summary: "x as text", isAggregate: false),
        .init(name: "lower", signature: "lower(s)", summary: "lower case", isAggregate: false),
        .init(name: "upper", signature: "upper(s)", summary: "upper case", isAggregate: false),
        .init(name: "trim", signature: "trim(s)", summary: "without leading and trailing spaces", isAggregate: false),
        .init(name: "length", signature: "length(s)", summary: "number of characters", isAggregate: false),
        .init(name: "substr", signature: "substr(s, start, length?)", summary: "part of s; start counts from 1", isAggregate: false),
        .init(name: "replace", signature: "replace(s, from, to)", summary: "every 'from' in s replaced", isAggregate: false),
        .init(name: "contains", signature: "contains(s, part)", summary: "whether s contains part", isAggregate: false),
        .init(name: "starts_with", signature: "starts_with(s, prefix)", summary: "whether s starts with prefix", isAggregate: false),
        .init(name: "ends_with", signature: "ends_with(s, suffix)", summary: "whether s ends with suffix", isAggregate: false),
        .init(name: "concat", signature: "concat(a, b, …)", summary: "text joined; nulls count as empty", isAggregate: false),
        .init(name: "coalesce", signature: "coalesce(a, b, …)", summary: "first non-null argument", isAggregate: false),
        .init(name: "nullif", signature: "nullif(a, b)", summary: "null when a equals b, else a", isAggregate: false),
        .init(name: "if", signature: "if(condition, a, b)", summary: "a when the condition holds, else b", isAggregate: false),
        .init(name: "year", signature: "year(d)", summary: "year of a date", isAggregate: false),
        .init(name: "month", signature: "month(d)", summary: "month of a date, 1–12", isAggregate: false),
        .init(name: "day", signature: "day(d)", summary: "day of the month", isAggregate: false),
        .init(name: "quarter", signature: "quarter(d)", summary: "quarter, 1–4", isAggregate: false),
        .init(name: "weekday", signature: "weekday(d)", summary: "ISO weekday, Monday 1 … Sunday 7", isAggregate: false),
        .init(name: "yearmonth", signature: "yearmonth(d)", summary: "\"2026-11\" for any day of November 2026", isAggregate: false),
        .init(name: "days_between", signature: "days_between(a, b)", summary: "whole days from a to b", isAggregate: false),
        .init(name: "add_days", signature: "add_days(d, n)", summary: "the date n days later", isAggregate: false),
        .init(name: "add_months", signature: "add_months(d, n)", summary: "the date n months later", isAggregate: false),
        .init(name: "start_of_month", signature: "start_of_month(d)", summary: "first day of d's month", isAggregate: false),
        .init(name: "end_of_month", signature: "end_of_month(d)", summary: "last day of d's month", isAggregate: false),
        .init(name: "start_of_year", signature: "start_of_year(d)", summary: "1 January of d's year", isAggregate: false),
        .init(name: "date", signature: "date(s)", summary: "text \"yyyy-MM-dd\" or \"dd.MM.yyyy\" as a date; null if not one", isAggregate: false),
        .init(name: "decimal", signature: "decimal(x, places = 2)", summary: "x as an exact decimal (money); text like \"1 234,50\" too, null if not a number", isAggregate: false),
        .init(name: "today", signature: "today()", summary: "the current date", isAggregate: false),
        .init(name: "rows", signature: "rows(TABLE)", summary: "number of rows of a table or named query", isAggregate: false),
    ]

    public static func named(_ name: String) -> FunctionDescription? {
        all.first { $0.name == name.lowercased() }
    }
}
