package dev.robusta.wasm;

/** An exception tag's type: an index of a function type whose results are empty. */
public record TagType(int typeIdx) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.TAG;
    }
}
