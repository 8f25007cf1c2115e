package dev.robusta.wasm;

/** An import: module name, field name and the type of what is imported. */
public record Import(String module, String name, ExternType type) {
    public ExternKind kind() {
        return type.kind();
    }
}
