package dev.robusta.text.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checks for the text format: names and source text must be well-formed. */
public final class Utf8 {
    private Utf8() {
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code at}, or -1 if it is malformed. */
    public static int sequenceLength(byte[] b, int at, int end) {
        int b0 = b[at] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int n;
        int lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (at + n > end) {
            return -1;
        }
        int b1 = b[at + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return -1;
        }
        for (int i = 2; i < n; i++) {
            if ((b[at + i] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }

    /** Decodes well-formed UTF-8, or returns null if the bytes are malformed. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
