package dev.robusta.runtime;

import dev.robusta.wasm.ExternKind;

/**
 * What a module exports (the JavaScript API's {@code ModuleExportDescriptor}, with types).
 *
 * @param name the export's name
 * @param kind what is exported
 * @param type by kind, as in {@link ImportDescriptor#type()}; for a memory or table the declared type
 */
public record ExportDescriptor(String name, ExternKind kind, Object type) {
}
