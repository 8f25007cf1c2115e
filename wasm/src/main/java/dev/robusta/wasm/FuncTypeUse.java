package dev.robusta.wasm;

/** A function import's type: an index into the module's types. */
public record FuncTypeUse(int typeIdx) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.FUNC;
    }
}
