package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.WasiFunction;

/** Placeholders for functions not implemented yet: they return {@code ENOSYS}. */
final class Stubs {
    private Stubs() {
    }

    static WasiFunction nosys(String name, String params) {
        return WasiFunction.of(name, params, (ctx, mem, a) -> {
            throw Errno.ENOSYS.exception(name + " is not implemented");
        });
    }
}
