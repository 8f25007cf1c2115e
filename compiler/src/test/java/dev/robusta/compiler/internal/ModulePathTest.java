package dev.robusta.compiler.internal;

import dev.robusta.text.WatParser;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler as a named module (on the module path), where its generated classes, in a class loader of
 * their own, reach the runtime's and the compiler's internal packages only through the exports the compiler
 * adds. The tests otherwise run on the class path: this one loads the modules in a layer of its own.
 */
class ModulePathTest {
    private static final String WAT = "(module (memory 1) (global $g (mut i32) (i32.const 1))"
            + " (func $inc (param i32) (result i32) (global.set $g (i32.add (global.get $g) (local.get 0)))"
            + "   (i32.store (i32.const 4) (global.get $g)) (i32.load (i32.const 4)))"
            + " (func (export \"f\") (param i32) (result i32) (call $inc (local.get 0)))"
            + " (func (export \"trap\") (result i32) (i32.div_s (i32.const 1) (i32.const 0))))";

    private static Path[] modulePath() {
        List<Path> path = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String n = e.replace('\\', '/');
            if (n.endsWith("wasm/target/classes") || n.endsWith("runtime/target/classes")
                    || n.matches(".*/asm-[0-9.]+\\.jar")) {
                path.add(Path.of(e));
            }
        }
        path.add(Path.of("target/classes"));
        return path.toArray(new Path[0]);
    }

    @Test
    void compilerAsNamedModule_compilesAndRuns() throws Exception {
        ModuleFinder finder = ModuleFinder.of(modulePath());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(),
                Set.of("dev.robusta.compiler"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("dev.robusta.runtime");
        assertTrue(layer.findModule("dev.robusta.compiler").isPresent());

        Class<?> module = loader.loadClass("dev.robusta.runtime.Module");
        Class<?> config = loader.loadClass("dev.robusta.runtime.RuntimeConfig");
        Class<?> engineKind = loader.loadClass("dev.robusta.runtime.EngineKind");
        Object compiler = engineKind.getField("COMPILER").get(null);
        Object cfg = config.getMethod("withEngine", engineKind).invoke(config.getField("DEFAULT").get(null), compiler);
        byte[] bin = BinaryEncoder.encode(WatParser.parseModule(WAT));
        Object m = module.getMethod("compile", byte[].class, config).invoke(null, bin, cfg);
        Object instance = module.getMethod("instantiate").invoke(m);
        Method function = loader.loadClass("dev.robusta.runtime.Instance").getMethod("function", String.class);
        Object f = function.invoke(instance, "f");
        assertEquals("dev.robusta.compiler.internal.CompiledFunction", f.getClass().getName());
        assertTrue(f.getClass().getModule().isNamed());
        Method callInt = loader.loadClass("dev.robusta.runtime.Function").getMethod("callInt", long[].class);
        assertEquals(6, callInt.invoke(f, (Object) new long[] {5}));
        assertEquals(9, callInt.invoke(f, (Object) new long[] {3}));
        Object trap = function.invoke(instance, "trap");
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> callInt.invoke(trap, (Object) new long[0]));
        assertEquals("dev.robusta.wasm.TrapException", e.getCause().getClass().getName());
        assertTrue(e.getCause().getMessage().startsWith("integer divide by zero"), e.getCause().getMessage());
    }
}
