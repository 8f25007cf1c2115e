package dev.robusta.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * One call of each workload on each compiler to JVM bytecode, measured in the same run so that ratios are
 * meaningful on a shared, noisy machine. Run with {@code bench/run-jmh.sh CompilerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompilerBenchmark {
    @Param({"FIB", "LOOP", "SIEVE", "MANDELBROT"})
    public Workload workload;

    @Param({"ROBUSTA_COMPILER", "CHICORY_COMPILER"})
    public Engine engine;

    private IntUnaryOperator function;

    @Setup
    public void setUp() {
        function = engine.load(workload);
        int result = function.applyAsInt(workload.argument());
        if (result != workload.expected()) {
            throw new IllegalStateException(engine + " computed " + result + " for " + workload
                    + ", expected " + workload.expected());
        }
    }

    @Benchmark
    public int call() {
        return function.applyAsInt(workload.argument());
    }
}
