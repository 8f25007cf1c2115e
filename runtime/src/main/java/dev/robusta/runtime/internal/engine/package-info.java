/**
 * The engine service interface: how an engine other than the built-in interpreter (the compiler of
 * {@code robusta-compiler}) plugs into the runtime, and how the runtime chooses one
 * ({@link dev.robusta.runtime.EngineKind}).
 */
package dev.robusta.runtime.internal.engine;
