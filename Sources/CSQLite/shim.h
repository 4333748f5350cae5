#ifndef SVERKA_CSQLITE_SHIM_H
#define SVERKA_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro cast Swift cannot import: SQLite copies the bytes before returning.
static inline int sverka_bind_text_transient(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}

/// SQLITE_STATIC: SQLite keeps the pointer, so the bytes must stay valid until the next
/// step, reset or rebind. The loader binds straight out of its read buffer this way.
static inline int sverka_bind_text_static(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_STATIC);
}

/// Blobs are copied, like transient text.
static inline int sverka_bind_blob_transient(sqlite3_stmt *stmt, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(stmt, index, bytes, length, SQLITE_TRANSIENT);
}

/// sqlite3_config is variadic. Memory statistics cost a global mutex on every allocation and
/// sverka never reads them; this must run before the first connection opens (else SQLITE_MISUSE).
static inline int sverka_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
/// Function results are copied, like transient text.
static inline void sverka_result_text_transient(sqlite3_context *context, const char *text, int length) {
    sqlite3_result_text(context, text, length, SQLITE_TRANSIENT);
}
#endif
