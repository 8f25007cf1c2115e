package dev.robusta.testsuite;

import dev.robusta.testsuite.Outcome.Status;
import dev.robusta.text.wast.BinaryModule;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.ModuleSource;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code robusta wast --dry-run}: parses and encodes every module of a script without running anything.
 * A module that fails to parse or encode is a failure, except where the script itself expects it to be
 * malformed ({@code assert_malformed} of text), where failing to parse is the pass.
 */
public final class DryRun {
    private final Features features;

    public DryRun(Features features) {
        this.features = features;
    }

    /** One outcome per directive that holds a module in the text format. */
    public List<Outcome> run(Script script) {
        List<Outcome> out = new ArrayList<>();
        for (Directive d : script.directives()) {
            Outcome o = check(script.fileName(), d);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private Outcome check(String file, Directive d) {
        if (d instanceof Directive.DefineModule) {
            return encode(file, d.line(), "module", ((Directive.DefineModule) d).source());
        } else if (d instanceof Directive.AssertInvalid) {
            return encode(file, d.line(), "assert_invalid", ((Directive.AssertInvalid) d).module());
        } else if (d instanceof Directive.AssertUnlinkable) {
            return encode(file, d.line(), "assert_unlinkable", ((Directive.AssertUnlinkable) d).module());
        } else if (d instanceof Directive.AssertUninstantiable) {
            return encode(file, d.line(), "assert_uninstantiable", ((Directive.AssertUninstantiable) d).module());
        } else if (d instanceof Directive.AssertMalformed) {
            ModuleSource m = ((Directive.AssertMalformed) d).module();
            if (m instanceof BinaryModule) {
                return null; // binary: nothing of the text format to check
            }
            try {
                parse(m);
                return new Outcome(file, d.line(), "assert_malformed", Status.FAILED,
                        "expected a parse error (" + ((Directive.AssertMalformed) d).message() + "), but the text parsed");
            } catch (CompileException e) {
                return Outcome.passed(file, d.line(), "assert_malformed");
            }
        }
        return null;
    }

    private Outcome encode(String file, int line, String kind, ModuleSource source) {
        if (source instanceof BinaryModule) {
            return null;
        }
        try {
            BinaryEncoder.encode(parse(source));
            return Outcome.passed(file, line, kind);
        } catch (RuntimeException e) {
            return new Outcome(file, line, kind, Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private WasmModule parse(ModuleSource source) {
        if (source instanceof TextModule) {
            return ((TextModule) source).parse(features);
        }
        return ((QuoteModule) source).parse(features);
    }
}
