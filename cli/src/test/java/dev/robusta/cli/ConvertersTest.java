package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.Features;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The option value converters: sizes, durations, features. */
class ConvertersTest {
    private final ByteSizeConverter size = new ByteSizeConverter();
    private final DurationConverter duration = new DurationConverter();
    private final FeaturesConverter features = new FeaturesConverter();

    @Test
    void byteSize_unitsArePowersOf1024() {
        assertEquals(65536L, size.convert("65536"));
        assertEquals(65536L, size.convert("64K"));
        assertEquals(65536L, size.convert("64k"));
        assertEquals(16L << 20, size.convert("16M"));
        assertEquals(16L << 20, size.convert("16MiB"));
        assertEquals(16L << 20, size.convert("16MB"));
        assertEquals(1L << 30, size.convert("1G"));
        assertEquals(4L << 30, size.convert("4g"));
        assertEquals(100L, size.convert("100B"));
    }

    @Test
    void byteSize_errors() {
        for (String bad : new String[] {"", "M", "1.5G", "-1", "1T", "12 apples", "99999999999999999999",
            "9999999999999999G"}) {
            assertThrows(TypeConversionException.class, () -> size.convert(bad), bad);
        }
    }

    @Test
    void duration_withUnit() {
        assertEquals(Duration.ofMillis(500), duration.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), duration.convert("10s"));
        assertEquals(Duration.ofMinutes(1), duration.convert("1m"));
        assertEquals(Duration.ofHours(2), duration.convert("2h"));
    }

    @Test
    void duration_errors() {
        for (String bad : new String[] {"", "10", "s", "1.5s", "-1s", "10 sec", "1d"}) {
            assertThrows(TypeConversionException.class, () -> duration.convert(bad), bad);
        }
    }

    @Test
    void features_values() {
        assertSame(Features.V2, features.convert("2.0"));
        assertSame(Features.V3, features.convert("3.0"));
        assertSame(Features.ALL, features.convert("all"));
        assertThrows(TypeConversionException.class, () -> features.convert("1.0"));
    }
}
