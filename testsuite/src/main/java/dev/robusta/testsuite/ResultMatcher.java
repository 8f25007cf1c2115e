package dev.robusta.testsuite;

import dev.robusta.runtime.Function;
import dev.robusta.text.wast.Expected;
import dev.robusta.text.wast.LaneShape;
import dev.robusta.text.wast.Value;

/**
 * Whether an action's result matches what {@code assert_return} expects: exact values bit for bit, NaN
 * patterns ({@code nan:canonical}, {@code nan:arithmetic}, per lane in v128), reference categories and
 * {@code either}.
 */
final class ResultMatcher {
    private ResultMatcher() {
    }

    static boolean matches(Expected e, Actual a) {
        if (e instanceof Value.I32) {
            return a.type().code() == 0x7F && (int) a.bits() == ((Value.I32) e).value();
        } else if (e instanceof Value.I64) {
            return a.type().code() == 0x7E && a.bits() == ((Value.I64) e).value();
        } else if (e instanceof Value.F32) {
            return a.type().code() == 0x7D && (int) a.bits() == ((Value.F32) e).bits();
        } else if (e instanceof Value.F64) {
            return a.type().code() == 0x7C && a.bits() == ((Value.F64) e).bits();
        } else if (e instanceof Value.V128) {
            return a.type().isVector() && a.bits() == ((Value.V128) e).lo() && a.hi() == ((Value.V128) e).hi();
        } else if (e instanceof Value.RefNull) {
            return a.type().isReference() && a.ref() == null;
        } else if (e instanceof Value.RefExtern) {
            return a.type().isReference() && new ExternRef(((Value.RefExtern) e).n()).equals(a.ref());
        } else if (e instanceof Value.RefHost) {
            return a.type().isReference() && new ExternRef(((Value.RefHost) e).n()).equals(a.ref());
        } else if (e instanceof Expected.NanCanonical) {
            return a.type().equals(((Expected.NanCanonical) e).type()) && isNan(a.type().code() == 0x7D, a.bits(), true);
        } else if (e instanceof Expected.NanArithmetic) {
            return a.type().equals(((Expected.NanArithmetic) e).type()) && isNan(a.type().code() == 0x7D, a.bits(), false);
        } else if (e instanceof Expected.V128Lanes) {
            return a.type().isVector() && lanesMatch((Expected.V128Lanes) e, a);
        } else if (e instanceof Expected.RefPattern) {
            return a.type().isReference() && refMatches(((Expected.RefPattern) e).category(), a.ref());
        } else if (e instanceof Expected.Either) {
            for (Expected alt : ((Expected.Either) e).alternatives()) {
                if (matches(alt, a)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException("unknown expectation " + e);
    }

    private static boolean isNan(boolean f32, long bits, boolean canonical) {
        if (f32) {
            int b = (int) bits & 0x7FFFFFFF;
            return canonical ? b == 0x7FC00000 : (b & 0x7FC00000) == 0x7FC00000;
        }
        long b = bits & Long.MAX_VALUE;
        return canonical ? b == 0x7FF8000000000000L : (b & 0x7FF8000000000000L) == 0x7FF8000000000000L;
    }

    private static boolean lanesMatch(Expected.V128Lanes e, Actual a) {
        boolean f32 = e.shape() == LaneShape.F32X4;
        int n = e.shape().laneCount();
        for (int i = 0; i < n; i++) {
            long lane;
            if (f32) {
                long half = i < 2 ? a.bits() : a.hi();
                lane = (half >>> ((i % 2) * 32)) & 0xFFFFFFFFL;
            } else {
                lane = i == 0 ? a.bits() : a.hi();
            }
            Expected le = e.lanes().get(i);
            boolean ok;
            if (le instanceof Expected.NanCanonical) {
                ok = isNan(f32, lane, true);
            } else if (le instanceof Expected.NanArithmetic) {
                ok = isNan(f32, lane, false);
            } else if (le instanceof Value.F32) {
                ok = (int) lane == ((Value.F32) le).bits();
            } else if (le instanceof Value.F64) {
                ok = lane == ((Value.F64) le).bits();
            } else {
                throw new IllegalArgumentException("unexpected lane pattern " + le);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean refMatches(Expected.RefCategory c, Object ref) {
        switch (c) {
            case NULL: return ref == null;
            case FUNC: return ref instanceof Function;
            case EXTERN: return ref != null;
            default: return false; // GC and exception references: not produced by the 2.0 engines
        }
    }
}
