import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An A/B of Robusta jars in one JVM: each jar gets a class loader of its own, the module is compiled once per
 * jar, and the runs alternate between the jars (ABBA order), so that a change in the machine's load falls on
 * both. Prints each jar's run times (ms), their minimum and median on standard error.
 *
 * <p>Usage: {@code java -cp DIR InProcessAb JAR[,JAR...] RUNNER_DIR MODULE RUNS [ARG...]}.
 */
public final class InProcessAb {
    private InProcessAb() {
    }

    public static void main(String[] a) throws Exception {
        String[] jars = a[0].split(",");
        Path runnerDir = Path.of(a[1]);
        byte[] wasm = Files.readAllBytes(Path.of(a[2]));
        int runs = Integer.parseInt(a[3]);
        String[] args = new String[a.length - 3];
        args[0] = Path.of(a[2]).getFileName().toString();
        System.arraycopy(a, 4, args, 1, a.length - 4);
        int k = jars.length;
        Object[] modules = new Object[k];
        Method[] run = new Method[k];
        for (int j = 0; j < k; j++) {
            ClassLoader loader = new URLClassLoader(
                    new URL[] {Path.of(jars[j]).toUri().toURL(), runnerDir.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> runner = Class.forName("Runner", true, loader);
            modules[j] = runner.getMethod("compile", byte[].class).invoke(null, (Object) wasm);
            run[j] = runner.getMethod("run", Object.class, String[].class);
        }
        long[][] times = new long[k][runs];
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            for (int i = 0; i < runs; i++) {
                for (int jj = 0; jj < k; jj++) {
                    int j = i % 2 == 0 ? jj : k - 1 - jj;
                    long t0 = System.nanoTime();
                    run[j].invoke(null, modules[j], args);
                    times[j][i] = (System.nanoTime() - t0) / 1_000_000;
                }
            }
        } finally {
            System.setOut(out);
        }
        for (int j = 0; j < k; j++) {
            long[] sorted = times[j].clone();
            Arrays.sort(sorted);
            System.err.println(jars[j] + ": runs " + Arrays.toString(times[j]) + " ms, min " + sorted[0]
                    + ", median " + sorted[runs / 2]);
        }
    }
}
