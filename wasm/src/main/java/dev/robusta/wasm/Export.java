package dev.robusta.wasm;

/** An export: a name and an index in the index space of its kind. */
public record Export(String name, ExternKind kind, int index) {
}
