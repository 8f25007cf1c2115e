package dev.robusta.testsuite;

/**
 * The host object a script means by {@code (ref.extern n)} (or the older {@code (ref.host n)}): equal
 * numbers are equal references.
 */
public record ExternRef(long n) {
    @Override
    public String toString() {
        return "ref.extern " + n;
    }
}
