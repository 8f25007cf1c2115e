package dev.robusta.testsuite;

import dev.robusta.runtime.Global;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Memory;
import dev.robusta.runtime.Table;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * The {@code spectest} host module the scripts import, as the specification's interpreter defines it:
 * print functions (which print nothing here), {@code global_i32} = 666, {@code global_i64} = 666,
 * {@code global_f32} = 666.6, {@code global_f64} = 666.6, {@code table} of 10..20 funcref and
 * {@code memory} of 1..2 pages. One per script, so its table and memory are shared within it.
 */
final class SpecTestModule {
    private static final long[] NONE = new long[0];

    private SpecTestModule() {
    }

    static Imports.Builder create() {
        Imports.Builder b = Imports.builder();
        print(b, "print");
        print(b, "print_i32", ValType.I32);
        print(b, "print_i64", ValType.I64);
        print(b, "print_f32", ValType.F32);
        print(b, "print_f64", ValType.F64);
        print(b, "print_i32_f32", ValType.I32, ValType.F32);
        print(b, "print_f64_f64", ValType.F64, ValType.F64);
        b.global("spectest", "global_i32", Global.create(new GlobalType(ValType.I32, false), 666));
        b.global("spectest", "global_i64", Global.create(new GlobalType(ValType.I64, false), 666L));
        b.global("spectest", "global_f32", Global.create(new GlobalType(ValType.F32, false), 666.6f));
        b.global("spectest", "global_f64", Global.create(new GlobalType(ValType.F64, false), 666.6));
        b.table("spectest", "table", Table.create(new TableType(ValType.FUNCREF, Limits.of(10, 20))));
        b.table("spectest", "table64", Table.create(new TableType(ValType.FUNCREF,
                new Limits(10, 20, true, true, false))));
        b.memory("spectest", "memory", Memory.create(1, 2));
        return b;
    }

    private static void print(Imports.Builder b, String name, ValType... params) {
        b.rawFunction("spectest", name, FuncType.of(List.of(params), List.of()), (caller, args) -> NONE);
    }
}
