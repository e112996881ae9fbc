package dev.quarry.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The workloads (W10 in two halves), each on each database with each implementation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GuideBenchmark {
    @Param({"sqlite", "postgresql"})
    public String db;

    @Param({"jdbc", "quarry", "hibernate"})
    public String impl;

    private Workloads workloads;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchDb.ensureLoaded(db);
        workloads = open(impl, db);
    }

    static Workloads open(String impl, String db) throws Exception {
        return switch (impl) {
            case "jdbc" -> new JdbcWorkloads(db);
            case "quarry" -> new QuarryWorkloads(db);
            case "hibernate" -> new HibernateWorkloads(db);
            default -> throw new IllegalArgumentException(impl);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workloads.close();
    }

    @Benchmark
    public long w1Hydrate() {
        return workloads.w1Hydrate();
    }

    @Benchmark
    public long w2ReversePrefetch() {
        return workloads.w2ReversePrefetch();
    }

    @Benchmark
    public long w3Annotate() {
        return workloads.w3Annotate();
    }

    @Benchmark
    public long w4TwoHopAggregate() {
        return workloads.w4TwoHopAggregate();
    }

    @Benchmark
    public long w5ReverseFilterDistinct() {
        return workloads.w5ReverseFilterDistinct();
    }

    @Benchmark
    public long w6ManyToMany() {
        return workloads.w6ManyToMany();
    }

    @Benchmark
    public long w7BulkInsert() {
        return workloads.w7BulkInsert();
    }

    @Benchmark
    public long w8GetByPk() {
        return workloads.w8GetByPk();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long w9QueryBuilding() {
        return workloads.w9QueryBuilding();
    }

    @Benchmark
    public long w10UpdateF() {
        return workloads.w10UpdateF();
    }

    @Benchmark
    public long w10Subquery() {
        return workloads.w10Subquery();
    }
}
