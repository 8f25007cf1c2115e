package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.PhaseTimer;
import dev.robusta.runtime.internal.engine.Engines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class loader of one compiled module: it defines the module's classes (package
 * {@link ClassGenerator#PACKAGE}) as the JVM first needs them, from the code cache when it has them and
 * otherwise from the {@link ClassGenerator} (storing them in the cache). The JVM loads the class of a function
 * when a call to it first runs, so this is where functions are compiled lazily. Other classes come from the
 * compiler's own loader. Parallel capable: two threads that first call the same function wait for one
 * definition (the JVM's lock per class name), and different functions compile at the same time only as far
 * as the generator allows (it generates one class at a time).
 */
final class CodeLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final String PREFIX = ClassGenerator.PACKAGE.replace('/', '.');
    /** Classes generated and classes loaded from a code cache, by all loaders (for tests and diagnostics). */
    static final AtomicInteger GENERATED = new AtomicInteger();
    static final AtomicInteger FROM_CACHE = new AtomicInteger();
    /** The part of {@link PhaseTimer}'s report that counts the classes generated when first needed. */
    private static final String GENERATING = "generating classes";

    private final ClassGenerator gen;
    /** The code cache, or null. */
    private final CodeCache cache;
    /** Classes generated in advance, by simple name; taken out when defined. */
    private final Map<String, byte[]> generated;

    CodeLoader(String name, ClassGenerator gen, CodeCache cache, Map<String, byte[]> generated) {
        super(name, CodeLoader.class.getClassLoader());
        this.gen = gen;
        this.cache = cache;
        this.generated = new ConcurrentHashMap<>(generated);
        // the generated code is in this loader's unnamed module: on the module path it needs the packages
        // the compiler and the runtime export only to each other, and the compiler makes its instances
        Module compiler = CodeLoader.class.getModule();
        Module unnamed = getUnnamedModule();
        if (compiler.isNamed()) {
            compiler.addExports(CodeLoader.class.getPackageName(), unnamed);
            compiler.addReads(unnamed);
        }
        Engines.exportInternals(unnamed);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PREFIX)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(PREFIX)) {
            throw new ClassNotFoundException(name);
        }
        String simple = name.substring(PREFIX.length());
        if (cache != null) {
            byte[] stored = cache.read(simple);
            if (stored != null) {
                try {
                    Class<?> c = defineClass(name, stored, 0, stored.length);
                    FROM_CACHE.incrementAndGet();
                    return c;
                } catch (ClassFormatError e) {
                    cache.rejected(simple, e);
                }
            }
        }
        byte[] bytes = generated.remove(simple);
        try {
            if (bytes == null) {
                boolean timed = PhaseTimer.enabled();
                long start = timed ? System.nanoTime() : 0;
                bytes = gen.generate(name.replace('.', '/'));
                if (timed) {
                    PhaseTimer.within(GENERATING, System.nanoTime() - start);
                }
            }
        } catch (RuntimeException e) {
            throw new CompilerBugException("robusta compiler: cannot generate class " + simple + " of module "
                    + getName() + ": " + e, e);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        GENERATED.incrementAndGet();
        CompiledModule.dump(simple, bytes);
        if (cache != null) {
            cache.write(simple, bytes);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
