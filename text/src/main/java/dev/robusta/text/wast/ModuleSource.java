package dev.robusta.text.wast;

/**
 * How a WAST script gives a module: as text ({@link TextModule}), as bytes ({@link BinaryModule},
 * {@code (module binary "...")}) or as quoted text ({@link QuoteModule}, {@code (module quote "...")}).
 * Text is parsed only when asked, so a script parses even when one of its modules would not.
 */
public sealed interface ModuleSource permits TextModule, BinaryModule, QuoteModule {
}
