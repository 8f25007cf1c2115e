package dev.robusta.wasm;

/** The type of an import or export: what an import descriptor declares. */
public sealed interface ExternType permits FuncTypeUse, TableType, MemoryType, GlobalType, TagType {
    ExternKind kind();
}
