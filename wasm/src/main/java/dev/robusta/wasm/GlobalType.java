package dev.robusta.wasm;

/** A global's value type and mutability. */
public record GlobalType(ValType valType, boolean mutable) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
