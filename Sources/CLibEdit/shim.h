#ifndef SVERKA_CLIBEDIT_SHIM_H
#define SVERKA_CLIBEDIT_SHIM_H

/*
 * Fixed-arity wrappers over libedit's native wide-character API and the few other C facilities
 * the interactive shell needs. Swift cannot call variadic C functions (el_wset, el_wget,
 * history_w, ioctl) and rejects imported mutable C globals (stdin, stderr) in
 * language mode 6, so each use goes through a static inline function here.
 *
 * No state lives in this header: a static variable would be duplicated in every Swift object
 * file that uses it. Shared state (the SIGINT flag) is owned by Swift and passed in by pointer.
 */

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <histedit.h>

typedef wchar_t *(*sverka_prompt_function)(EditLine *);
typedef unsigned char (*sverka_editor_function)(EditLine *, int);

/* The editor reads stdin and draws on stderr, so `sverka | tee log` keeps line editing. */
static inline EditLine *sverka_el_init(const char *program) {
    return el_init(program, stdin, stderr, stderr);
}

static inline int sverka_el_set_prompt(EditLine *el, sverka_prompt_function prompt) {
    return el_wset(el, EL_PROMPT, prompt);
}

static inline int sverka_el_set_editor(EditLine *el, const wchar_t *mode) {
    return el_wset(el, EL_EDITOR, mode);
}

static inline int sverka_el_set_signal(EditLine *el, int handle) {
    return el_wset(el, EL_SIGNAL, handle);
}

static inline int sverka_el_set_client_data(EditLine *el, void *data) {
    return el_wset(el, EL_CLIENTDATA, data);
}

static inline void *sverka_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int sverka_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                         sverka_editor_function function) {
    return el_wset(el, EL_ADDFN, name, help, function);
}

static inline int sverka_el_bind(EditLine *el, const wchar_t *keys, const wchar_t *command) {
    return el_wset(el, EL_BIND, keys, command, (const wchar_t *)NULL);
}

static inline int sverka_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

static inline int sverka_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return history_w(history, &event, H_SETSIZE, size);
}

static inline int sverka_history_set_unique(HistoryW *history, int unique) {
    HistEventW event;
    return history_w(history, &event, H_SETUNIQUE, unique);
}

static inline int sverka_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

/*
 * Installs `handler` for SIGINT. Done in C because sa_handler is a union member. SA_RESTART
 * keeps a Ctrl-C during a running statement from failing unrelated reads and writes with
 * EINTR; at the prompt libedit (EL_SIGNAL 1) installs its own handler without it, so el_wgets
 * still returns.
 */
static inline int sverka_install_sigint_handler(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, NULL);
}

/* Atomics on Swift-owned storage; usable from a signal handler (lock-free builtins). */
static inline void sverka_atomic_store(int *cell, int value) {
    __atomic_store_n(cell, value, __ATOMIC_SEQ_CST);
}

static inline int sverka_atomic_load(int *cell) {
    return __atomic_load_n(cell, __ATOMIC_SEQ_CST);
}

static inline int sverka_atomic_exchange(int *cell, int value) {
    return __atomic_exchange_n(cell, value, __ATOMIC_SEQ_CST);
}

/* The terminal's size in rows and columns; -1 when `fd` is not a terminal. */
static inline int sverka_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

#endif
