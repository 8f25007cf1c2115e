package dev.robusta.testsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates small random valid modules in the text format for {@link DifferentialTest}: functions
 * {@code f0..f(n-1)}, each {@code (param i32 i64 f32 f64) (result t)}, over one memory page (growable), four
 * mutable globals and a table holding {@code f0..f(n-2)}. Bodies mix arithmetic (trapping and not),
 * conversions, comparisons, {@code select}, {@code if}, blocks left by {@code br_if}, counted loops, loads
 * and stores (mostly in bounds), bulk memory, direct calls to lower-numbered functions, {@code call_indirect}
 * (from the last function, which the table does not hold) and a little SIMD. Calls never recurse and loops are
 * bounded, so every call ends, with results or a trap.
 */
final class RandomModules {
    private static final String[] TYPES = {"i32", "i64", "f32", "f64"};
    private static final String[] INT_BIN = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or",
            "xor", "shl", "shr_s", "shr_u", "rotl", "rotr"};
    private static final String[] INT_UN = {"clz", "ctz", "popcnt"};
    private static final String[] INT_CMP = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s",
            "ge_u"};
    private static final String[] FLOAT_BIN = {"add", "sub", "mul", "div", "min", "max", "copysign"};
    private static final String[] FLOAT_UN = {"abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"};
    private static final String[] FLOAT_CMP = {"eq", "ne", "lt", "gt", "le", "ge"};
    private static final String[] F32_CONSTS = {"0", "-0", "1.5", "-2.25", "nan", "-nan", "nan:0x200000", "inf",
            "-inf", "0x1p+127", "0x1p-149", "3e9", "-2147483904", "4294967040"};
    private static final String[] F64_CONSTS = {"0", "-0", "1.5", "-2.25", "nan", "-nan", "nan:0x4000000000000",
            "inf", "-inf", "0x1p+1023", "0x0.0000000000001p-1022", "9.3e18", "-9223372036854777856", "4294967295.5"};
    private static final String[] V_BIN = {"i8x16.add", "i8x16.sub_sat_s", "i16x8.mul", "i32x4.sub", "i64x2.add",
            "f32x4.add", "f32x4.min", "f64x2.mul", "f64x2.max", "v128.and", "v128.xor", "i8x16.avgr_u",
            "i16x8.q15mulr_sat_s", "i32x4.max_u", "f32x4.pmin", "i8x16.swizzle", "i32x4.eq", "f64x2.lt"};

    private final Random rnd;
    private int fn;
    private int functions;
    private String result;
    private String[] results;
    private int loops;

    RandomModules(long seed) {
        this.rnd = new Random(seed);
    }

    /** Random arguments (i32, i64, f32 bits, f64 bits) in raw form. */
    static long[] arguments(Random r) {
        long[] interesting = {0, 1, -1, 2, 7, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, Long.MIN_VALUE, Long.MAX_VALUE};
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            long v = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextLong();
            if (i == 2) {
                v = r.nextBoolean() ? Float.floatToRawIntBits((float) (r.nextGaussian() * 1000)) : (int) v;
            } else if (i == 3) {
                v = r.nextBoolean() ? Double.doubleToRawLongBits(r.nextGaussian() * 1e6) : v;
            } else if (i == 0) {
                v = (int) v;
            }
            out[i] = v;
        }
        return out;
    }

    /** A module of {@code n} functions (n at least 2). */
    String module(int n) {
        functions = n;
        results = new String[n];
        StringBuilder b = new StringBuilder("(module\n");
        for (String t : TYPES) {
            b.append("  (type $sig_").append(t).append(" (func (param i32 i64 f32 f64) (result ").append(t).append(")))\n");
        }
        b.append("  (memory 1 4)\n");
        for (int i = 0; i < 4; i++) {
            b.append("  (global $g").append(i).append(" (mut ").append(TYPES[i]).append(") (").append(TYPES[i])
                    .append(".const 0))\n");
        }
        b.append("  (table 8 funcref)\n  (elem (i32.const 0)");
        for (int i = 0; i < n - 1; i++) {
            b.append(" $f").append(i);
        }
        b.append(")\n");
        for (fn = 0; fn < n; fn++) {
            result = TYPES[rnd.nextInt(4)];
            results[fn] = result;
            loops = 0;
            String body = stmts(3) + "\n    " + expr(result, 4);
            b.append("  (func $f").append(fn).append(" (export \"f").append(fn).append("\") (type $sig_").append(result)
                    .append(") (param $p0 i32) (param $p1 i64) (param $p2 f32) (param $p3 f64)")
                    .append(" (result ").append(result).append(")\n    (local $l0 i32) (local $l1 i64) (local $l2 f32)")
                    .append(" (local $l3 f64)");
            for (int c = 0; c < loops; c++) {
                b.append(" (local $c").append(c).append(" i32)");
            }
            b.append("\n    ").append(body).append(")\n");
        }
        return b.append(")\n").toString();
    }

    private static int index(String t) {
        switch (t) {
            case "i32": return 0;
            case "i64": return 1;
            case "f32": return 2;
            default: return 3;
        }
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    // ---- values ----

    private String expr(String t, int depth) {
        if (depth <= 0 || chance(20)) {
            return leaf(t);
        }
        int d = depth - 1;
        boolean isInt = t.charAt(0) == 'i';
        switch (rnd.nextInt(14)) {
            case 0:
                return isInt ? "(" + t + "." + pick(INT_BIN) + " " + expr(t, d) + " " + expr(t, d) + ")"
                        : "(" + t + "." + pick(FLOAT_BIN) + " " + expr(t, d) + " " + expr(t, d) + ")";
            case 1:
                return isInt ? "(" + t + "." + pick(INT_UN) + " " + expr(t, d) + ")"
                        : "(" + t + "." + pick(FLOAT_UN) + " " + expr(t, d) + ")";
            case 2:
                return t.equals("i32") ? comparison(d) : convert(t, d);
            case 3:
                return convert(t, d);
            case 4:
                return "(select " + expr(t, d) + " " + expr(t, d) + " " + expr("i32", d) + ")";
            case 5:
                return "(if (result " + t + ") " + expr("i32", d) + " (then " + stmts(d / 2) + " " + expr(t, d)
                        + ") (else " + expr(t, d) + "))";
            case 6:
                return "(block (result " + t + ") (drop (br_if 0 " + expr(t, d) + " " + expr("i32", d) + ")) "
                        + stmts(d / 2) + " " + expr(t, d) + ")";
            case 7:
                return load(t, d);
            case 8:
                return call(t, d);
            case 9:
                return "(local.tee $l" + index(t) + " " + expr(t, d) + ")";
            case 10:
                return "(block (result " + t + ") " + stmts(d / 2) + " " + expr(t, d) + ")";
            case 11:
                return simd(t, d);
            case 12:
                if (t.equals("i32")) {
                    return chance(50) ? "(memory.size)" : "(memory.grow " + "(i32.and " + expr("i32", d)
                            + " (i32.const 1)))";
                }
                return leaf(t);
            default:
                if (t.equals("i32")) {
                    String of = chance(50) ? "i32" : "i64";
                    return "(" + of + ".eqz " + expr(of, d) + ")";
                }
                return leaf(t);
        }
    }

    private String leaf(String t) {
        int i = index(t);
        switch (rnd.nextInt(4)) {
            case 0:
                return "(local.get $p" + i + ")";
            case 1:
                return "(local.get $l" + i + ")";
            case 2:
                return "(global.get $g" + i + ")";
            default:
                return constant(t);
        }
    }

    private String constant(String t) {
        switch (t) {
            case "i32": {
                int[] v = {0, 1, -1, 2, 31, 32, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF};
                return "(i32.const " + (chance(60) ? v[rnd.nextInt(v.length)] : rnd.nextInt()) + ")";
            }
            case "i64": {
                long[] v = {0, 1, -1, 63, 64, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL};
                return "(i64.const " + (chance(60) ? v[rnd.nextInt(v.length)] : rnd.nextLong()) + ")";
            }
            case "f32":
                return "(f32.const " + (chance(60) ? pick(F32_CONSTS) : Float.toString((float) rnd.nextGaussian() * 100)) + ")";
            default:
                return "(f64.const " + (chance(60) ? pick(F64_CONSTS) : Double.toString(rnd.nextGaussian() * 1e4)) + ")";
        }
    }

    private String comparison(int d) {
        String t = TYPES[rnd.nextInt(4)];
        String op = t.charAt(0) == 'i' ? pick(INT_CMP) : pick(FLOAT_CMP);
        return "(" + t + "." + op + " " + expr(t, d) + " " + expr(t, d) + ")";
    }

    private String convert(String t, int d) {
        switch (t) {
            case "i32": {
                String[] ops = {"i32.wrap_i64 I", "i32.trunc_f32_s f", "i32.trunc_f32_u f", "i32.trunc_f64_s F",
                        "i32.trunc_f64_u F", "i32.trunc_sat_f32_s f", "i32.trunc_sat_f32_u f", "i32.trunc_sat_f64_s F",
                        "i32.trunc_sat_f64_u F", "i32.reinterpret_f32 f", "i32.extend8_s i", "i32.extend16_s i"};
                return unary(pick(ops), d);
            }
            case "i64": {
                String[] ops = {"i64.extend_i32_s i", "i64.extend_i32_u i", "i64.trunc_f32_s f", "i64.trunc_f32_u f",
                        "i64.trunc_f64_s F", "i64.trunc_f64_u F", "i64.trunc_sat_f32_s f", "i64.trunc_sat_f32_u f",
                        "i64.trunc_sat_f64_s F", "i64.trunc_sat_f64_u F", "i64.reinterpret_f64 F", "i64.extend8_s I",
                        "i64.extend16_s I", "i64.extend32_s I"};
                return unary(pick(ops), d);
            }
            case "f32": {
                String[] ops = {"f32.convert_i32_s i", "f32.convert_i32_u i", "f32.convert_i64_s I",
                        "f32.convert_i64_u I", "f32.demote_f64 F", "f32.reinterpret_i32 i"};
                return unary(pick(ops), d);
            }
            default: {
                String[] ops = {"f64.convert_i32_s i", "f64.convert_i32_u i", "f64.convert_i64_s I",
                        "f64.convert_i64_u I", "f64.promote_f32 f", "f64.reinterpret_i64 I"};
                return unary(pick(ops), d);
            }
        }
    }

    private String unary(String spec, int d) {
        int space = spec.indexOf(' ');
        char from = spec.charAt(space + 1);
        String t = from == 'i' ? "i32" : from == 'I' ? "i64" : from == 'f' ? "f32" : "f64";
        return "(" + spec.substring(0, space) + " " + expr(t, d) + ")";
    }

    private String address(int d) {
        if (chance(90)) {
            return "(i32.and " + expr("i32", d) + " (i32.const 0xFFF0))";
        }
        return expr("i32", d);
    }

    private String offset() {
        if (chance(3)) {
            return " offset=4294967295";
        }
        return chance(50) ? "" : " offset=" + rnd.nextInt(12);
    }

    private String load(String t, int d) {
        String[] forms;
        switch (t) {
            case "i32": forms = new String[] {"load", "load8_s", "load8_u", "load16_s", "load16_u"}; break;
            case "i64": forms = new String[] {"load", "load8_s", "load8_u", "load16_s", "load16_u", "load32_s",
                    "load32_u"}; break;
            default: forms = new String[] {"load"};
        }
        return "(" + t + "." + pick(forms) + offset() + " " + address(d) + ")";
    }

    private String arguments(int d) {
        return expr("i32", d) + " " + expr("i64", d) + " " + expr("f32", d) + " " + expr("f64", d);
    }

    private String call(String t, int d) {
        if (fn == functions - 1 && chance(50)) {
            return "(call_indirect (type $sig_" + t + ") " + arguments(d) + " (i32.and " + expr("i32", d)
                    + " (i32.const 7)))";
        }
        if (fn == 0) {
            return leaf(t);
        }
        int callee = rnd.nextInt(fn);
        String call = "(call $f" + callee + " " + arguments(d) + ")";
        if (results[callee].equals(t)) {
            return call;
        }
        return "(block (result " + t + ") (drop " + call + ") " + expr(t, d) + ")";
    }

    private String simd(String t, int d) {
        String v = vector(d);
        switch (t) {
            case "i32": return "(i32x4.extract_lane " + rnd.nextInt(4) + " " + v + ")";
            case "i64": return "(i64x2.extract_lane " + rnd.nextInt(2) + " " + v + ")";
            case "f32": return "(f32x4.extract_lane " + rnd.nextInt(4) + " " + v + ")";
            default: return "(f64x2.extract_lane " + rnd.nextInt(2) + " " + v + ")";
        }
    }

    private String vector(int d) {
        if (d <= 0 || chance(25)) {
            switch (rnd.nextInt(4)) {
                case 0: return "(v128.const i32x4 " + rnd.nextInt() + " " + rnd.nextInt() + " " + rnd.nextInt() + " "
                        + rnd.nextInt() + ")";
                case 1: return "(i32x4.splat " + expr("i32", d - 1) + ")";
                case 2: return "(f64x2.splat " + expr("f64", d - 1) + ")";
                default: return "(v128.load" + offset() + " " + address(d - 1) + ")";
            }
        }
        switch (rnd.nextInt(4)) {
            case 0: return "(i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 " + vector(d - 1) + " "
                    + vector(d - 1) + ")";
            case 1: return "(i32x4.shl " + vector(d - 1) + " " + expr("i32", d - 1) + ")";
            case 2: return "(v128.bitselect " + vector(d - 1) + " " + vector(d - 1) + " " + vector(d - 1) + ")";
            default: return "(" + pick(V_BIN) + " " + vector(d - 1) + " " + vector(d - 1) + ")";
        }
    }

    // ---- statements ----

    private String stmts(int depth) {
        int n = depth <= 0 ? 0 : rnd.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(stmt(depth - 1));
        }
        return String.join(" ", out);
    }

    private String stmt(int d) {
        switch (rnd.nextInt(9)) {
            case 0: {
                String t = TYPES[rnd.nextInt(4)];
                return "(local.set $l" + index(t) + " " + expr(t, d) + ")";
            }
            case 1: {
                String t = TYPES[rnd.nextInt(4)];
                return "(global.set $g" + index(t) + " " + expr(t, d) + ")";
            }
            case 2: {
                String t = TYPES[rnd.nextInt(4)];
                String form = t.charAt(0) == 'i' && chance(50) ? (t.equals("i64") && chance(30) ? "store32" : "store8")
                        : "store";
                return "(" + t + "." + form + offset() + " " + address(d) + " " + expr(t, d) + ")";
            }
            case 3:
                return "(drop " + expr(TYPES[rnd.nextInt(4)], d) + ")";
            case 4:
                return "(if " + expr("i32", d) + " (then " + stmts(d) + ") (else " + stmts(d) + "))";
            case 5: {
                int c = loops++;
                int n = 1 + rnd.nextInt(6);
                return "(local.set $c" + c + " (i32.const 0)) (block (loop (br_if 1 (i32.ge_u (local.get $c" + c
                        + ") (i32.const " + n + "))) " + stmts(d) + " (local.set $c" + c + " (i32.add (local.get $c" + c
                        + ") (i32.const 1))) (br 0)))";
            }
            case 6:
                return "(memory.fill " + address(d) + " " + expr("i32", d) + " (i32.and " + expr("i32", d)
                        + " (i32.const 255)))";
            case 7:
                return "(memory.copy " + address(d) + " " + address(d) + " (i32.and " + expr("i32", d)
                        + " (i32.const 255)))";
            default:
                return "(v128.store" + offset() + " " + address(d) + " " + vector(d) + ")";
        }
    }
}
