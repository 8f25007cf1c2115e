package dev.robusta.wasm;

/** The kinds of trap, each with the reference interpreter's message text. */
public enum Trap {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    NULL_REFERENCE("null reference"),
    NULL_FUNCTION_REFERENCE("null function reference"),
    NULL_STRUCTURE_REFERENCE("null structure reference"),
    NULL_ARRAY_REFERENCE("null array reference"),
    NULL_I31_REFERENCE("null i31 reference"),
    CAST_FAILURE("cast failure"),
    OUT_OF_BOUNDS_ARRAY_ACCESS("out of bounds array access"),
    ARRAY_TOO_LARGE("array too large"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    UNCAUGHT_EXCEPTION("uncaught exception"),
    INTERRUPTED("interrupted"),
    DEADLINE_EXCEEDED("deadline exceeded"),
    FUEL_EXHAUSTED("fuel exhausted"),
    OUT_OF_MEMORY("out of memory"),
    HOST("host function failed");

    private final String message;

    Trap(String message) {
        this.message = message;
    }

    /** The reference interpreter's text for this trap. */
    public String message() {
        return message;
    }
}
