package dev.robusta.cli;

/**
 * The exit codes of {@code robusta} other than the guest's own. A guest that exits (WASI {@code proc_exit},
 * or returning from {@code _start}) makes {@code robusta run} exit with the guest's code.
 */
final class ExitCodes {
    /** The command did what it was asked. */
    static final int SUCCESS = 0;
    /** A usage error, or a module that cannot be read, compiled or linked. */
    static final int FAILURE = 1;
    /** A bug in Robusta itself: an exception that no part of Robusta should let through (sysexits' EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;
    /** The guest trapped; 128 + SIGABRT, as wasmtime exits on Unix. */
    static final int TRAP = 134;

    private ExitCodes() {
    }
}
