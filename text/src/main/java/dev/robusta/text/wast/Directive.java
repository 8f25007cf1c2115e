package dev.robusta.text.wast;

import java.util.List;

/**
 * One command of a WAST script. Every directive knows the 1-based line where it begins.
 *
 * <p>Module identifiers ({@code $M}) are kept as written, without the {@code $}; a null identifier means
 * "none given" (for actions and {@code register}: the most recently defined module instance).
 *
 * <p>Messages of assertions are the strings written in the script (the reference interpreter's error text,
 * which implementations match as a prefix).
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public sealed interface Directive {
    /** The 1-based line where the directive begins. */
    int line();

    /**
     * {@code (module $id? ...)}: compile the module and, unless {@code instantiate} is false (3.0's
     * {@code (module definition $id? ...)}), instantiate it and make it the current instance.
     *
     * @param id          the module's name (without {@code $}), or null
     * @param source      the module: text, binary or quoted text
     * @param instantiate false for {@code module definition}: compile (and validate) only, keep it under
     *                    {@code id} for a later {@link InstantiateModule}
     */
    record DefineModule(int line, String id, ModuleSource source, boolean instantiate) implements Directive {
    }

    /**
     * {@code (module instance $instance? $module?)} (3.0): instantiate a module kept by a
     * {@code module definition}; the new instance becomes the current one.
     *
     * @param instanceId the new instance's name, or null
     * @param moduleId   the module definition's name, or null for the most recent definition
     */
    record InstantiateModule(int line, String instanceId, String moduleId) implements Directive {
    }

    /**
     * {@code (register "name" $id?)}: make the exports of an instance importable under module name {@code name}.
     *
     * @param moduleId the instance, or null for the current one
     */
    record Register(int line, String name, String moduleId) implements Directive {
    }

    /** A bare action ({@code invoke} or {@code get}) whose results are ignored; a trap fails the script. */
    record Perform(int line, Action action) implements Directive {
    }

    /** {@code (assert_return action result*)}: the action returns values matching {@code results}, in order. */
    record AssertReturn(int line, Action action, List<Expected> results) implements Directive {
        public AssertReturn {
            results = List.copyOf(results);
        }
    }

    /** {@code (assert_trap action "message")}: the action traps. */
    record AssertTrap(int line, Action action, String message) implements Directive {
    }

    /** {@code (assert_exhaustion action "message")}: the action exhausts a resource (the call stack). */
    record AssertExhaustion(int line, Action action, String message) implements Directive {
    }

    /** {@code (assert_exception action)}: the action throws an uncaught WebAssembly exception. */
    record AssertException(int line, Action action) implements Directive {
    }

    /** {@code (assert_suspension action "message")} (stack switching): the action suspends to the host. */
    record AssertSuspension(int line, Action action, String message) implements Directive {
    }

    /**
     * {@code (assert_malformed module "message")}: the module cannot be decoded (binary) or parsed (quoted
     * text). For a quoted module, a {@link dev.robusta.wasm.CompileException} of kind MALFORMED from
     * {@link QuoteModule#parse()} is the expected outcome.
     */
    record AssertMalformed(int line, ModuleSource module, String message) implements Directive {
    }

    /** {@code (assert_invalid module "message")}: the module decodes but does not validate. */
    record AssertInvalid(int line, ModuleSource module, String message) implements Directive {
    }

    /** {@code (assert_unlinkable module "message")}: instantiation fails while resolving imports. */
    record AssertUnlinkable(int line, ModuleSource module, String message) implements Directive {
    }

    /**
     * {@code (assert_uninstantiable module "message")}, and also {@code (assert_trap module "message")}: the
     * module links but instantiation traps (in a segment initialisation or the start function).
     */
    record AssertUninstantiable(int line, ModuleSource module, String message) implements Directive {
    }

    /**
     * {@code (assert_malformed_custom module "message")} (custom annotations): the module's custom
     * annotations ({@code @custom}, {@code @name}, ...) are malformed. Robusta skips annotations, so a runner
     * may report this as not supported.
     */
    record AssertMalformedCustom(int line, ModuleSource module, String message) implements Directive {
    }

    /** {@code (assert_invalid_custom module "message")} (custom annotations): a custom section is invalid. */
    record AssertInvalidCustom(int line, ModuleSource module, String message) implements Directive {
    }
}
