import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.wasi.Wasi;

/** Loaded once per jar by {@code InProcessAb}: compiles a module, and runs it as a WASI command (status 0). */
public final class Runner {
    private Runner() {
    }

    public static Object compile(byte[] wasm) {
        return Module.compile(wasm);
    }

    public static void run(Object module, String[] args) {
        Wasi wasi = Wasi.builder().args(args).returnOnExit(true).build();
        Instance instance = ((Module) module).instantiate(wasi.importObject());
        int status = wasi.start(instance);
        if (status != 0) {
            throw new IllegalStateException(module + " exited with status " + status);
        }
    }
}
