package dev.robusta.text.wast;

/**
 * {@code (module $id? binary "..." ...)}: a module given as the bytes of its binary format (the strings
 * concatenated). The bytes may be malformed; decoding them is the runner's job.
 *
 * @param bytes the module's binary (not copied: do not change it)
 */
public record BinaryModule(byte[] bytes) implements ModuleSource {
}
