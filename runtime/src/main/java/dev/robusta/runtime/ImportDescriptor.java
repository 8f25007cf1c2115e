package dev.robusta.runtime;

import dev.robusta.wasm.ExternKind;

/**
 * What a module imports (the JavaScript API's {@code ModuleImportDescriptor}, with types).
 *
 * @param module the module name
 * @param name   the field name
 * @param kind   what is imported
 * @param type   by kind: a {@link dev.robusta.wasm.FuncType} for a function or a tag (the tag's
 *               parameters), a {@link dev.robusta.wasm.TableType}, a {@link dev.robusta.wasm.MemoryType} or a
 *               {@link dev.robusta.wasm.GlobalType}
 */
public record ImportDescriptor(String module, String name, ExternKind kind, Object type) {
}
