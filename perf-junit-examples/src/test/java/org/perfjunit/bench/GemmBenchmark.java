package org.perfjunit.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.perfjunit.sim.tensor.GemmBackend;
import org.perfjunit.sim.tensor.GemmKernel;
import org.perfjunit.sim.tensor.PeakModel.Precision;

/**
 * 1024 × 1024 dense matrix multiply, double and float, on 1 and 2 threads: the simulators' best GEMM
 * backend ({@link GemmBackend#best()}: the Vector API kernel when {@code jdk.incubator.vector} is loaded)
 * against EJML ({@code CommonOps_DDRM/FDRM.mult}, {@code CommonOps_MT_*} on 2 threads) and ojAlgo 55
 * ({@code R064Store/R032Store.fillByMultiplying}, the stores formerly called {@code Primitive64Store/Primitive32Store}).
 *
 * <p>The primary score is multiplies per second; the secondary scores {@code :gflops} and
 * {@code :percentOfPeak} (against {@link org.perfjunit.sim.tensor.PeakModel}) appear in JMH's summary table.
 * {@link GemmReport} prints them as a compact table. Run (about 2–3 minutes):
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec -Dbench.args="GemmBenchmark"
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec -Dbench.main=org.perfjunit.bench.GemmReport
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class GemmBenchmark {

    static final int N = 1024;

    /** Threads every contender may use. */
    @Param({"1", "2"})
    public int threads;

    private final double[] a = new double[N * N];
    private final double[] b = new double[N * N];
    private final double[] c = new double[N * N];
    private final float[] af = new float[N * N];
    private final float[] bf = new float[N * N];
    private final float[] cf = new float[N * N];
    private GemmKernel kernel;
    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlC;
    private FMatrixRMaj ejmlAf;
    private FMatrixRMaj ejmlBf;
    private FMatrixRMaj ejmlCf;
    private R064Store ojA;
    private R064Store ojB;
    private R064Store ojC;
    private R032Store ojAf;
    private R032Store ojBf;
    private R032Store ojCf;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < N * N; i++) {
            a[i] = random.nextDouble() - 0.5;
            b[i] = random.nextDouble() - 0.5;
            af[i] = (float) a[i];
            bf[i] = (float) b[i];
        }
        kernel = GemmBackend.best().create(threads);
        System.out.println("# perf-junit kernel " + kernel.name() + "; vector API: " + GemmBackend.vectorSupport().reason()
                + (GemmBackend.VECTOR.available() ? "" : " (" + GemmBackend.VECTOR.unavailableReason() + ")"));
        System.out.println("# peak model: " + GemmCounters.PEAK.describe());
        ejmlA = DMatrixRMaj.wrap(N, N, a.clone());
        ejmlB = DMatrixRMaj.wrap(N, N, b.clone());
        ejmlC = new DMatrixRMaj(N, N);
        ejmlAf = FMatrixRMaj.wrap(N, N, af.clone());
        ejmlBf = FMatrixRMaj.wrap(N, N, bf.clone());
        ejmlCf = new FMatrixRMaj(N, N);
        EjmlConcurrency.setMaxThreads(threads);
        ojA = R064Store.FACTORY.copy(R064Store.wrap(a.clone(), N));
        ojB = R064Store.FACTORY.copy(R064Store.wrap(b.clone(), N));
        ojC = R064Store.FACTORY.make(N, N);
        ojAf = R032Store.FACTORY.copy(ojA);
        ojBf = R032Store.FACTORY.copy(ojB);
        ojCf = R032Store.FACTORY.make(N, N);
        OjAlgoUtils.limitThreadsTo(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernel.close();
    }

    @Benchmark
    public double[] perfJunitDouble(GemmCounters counters) {
        kernel.multiply(N, N, N, a, b, c);
        counters.count(Precision.DOUBLE, threads);
        return c;
    }

    @Benchmark
    public float[] perfJunitFloat(GemmCounters counters) {
        kernel.multiply(N, N, N, af, bf, cf);
        counters.count(Precision.FLOAT, threads);
        return cf;
    }

    @Benchmark
    public DMatrixRMaj ejmlDouble(GemmCounters counters) {
        DMatrixRMaj result = threads > 1 ? CommonOps_MT_DDRM.mult(ejmlA, ejmlB, ejmlC) : CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        counters.count(Precision.DOUBLE, threads);
        return result;
    }

    @Benchmark
    public FMatrixRMaj ejmlFloat(GemmCounters counters) {
        FMatrixRMaj result = threads > 1 ? CommonOps_MT_FDRM.mult(ejmlAf, ejmlBf, ejmlCf) : CommonOps_FDRM.mult(ejmlAf, ejmlBf, ejmlCf);
        counters.count(Precision.FLOAT, threads);
        return result;
    }

    @Benchmark
    public R064Store ojAlgoDouble(GemmCounters counters) {
        ojC.fillByMultiplying(ojA, ojB);
        counters.count(Precision.DOUBLE, threads);
        return ojC;
    }

    @Benchmark
    public R032Store ojAlgoFloat(GemmCounters counters) {
        ojCf.fillByMultiplying(ojAf, ojBf);
        counters.count(Precision.FLOAT, threads);
        return ojCf;
    }
}
