package dev.robusta.wasm;

/** A table type: element reference type and limits. */
public record TableType(ValType elemType, Limits limits) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
