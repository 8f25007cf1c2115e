package dev.robusta.cli;

import dev.robusta.wasm.Features;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --features}: {@code 2.0} (WebAssembly 2.0), {@code 3.0} (WebAssembly 3.0) or
 * {@code all} (3.0 and every proposal Robusta knows).
 */
final class FeaturesConverter implements ITypeConverter<Features> {
    /** The accepted values, for help texts. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("2.0", "3.0", "all").iterator();
        }
    }

    @Override
    public Features convert(String value) {
        switch (value) {
            case "2.0":
                return Features.V2;
            case "3.0":
                return Features.V3;
            case "all":
                return Features.ALL;
            default:
                throw new TypeConversionException("expected 2.0, 3.0 or all, not '" + value + "'");
        }
    }
}
