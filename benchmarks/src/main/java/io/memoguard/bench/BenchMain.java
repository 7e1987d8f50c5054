package io.memoguard.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every micro-benchmark in one go and writes the report. The benchmarks that measure the
 * agent run in forks started with {@code -javaagent}; the alternatives and the no-agent baseline
 * run in plain forks. The agent flags are computed here, which annotations cannot do.
 *
 * <pre>
 *   java -jar memoguard-benchmarks.jar run --agent AGENT.jar --work DIR --out docs/perf
 *   java -jar memoguard-benchmarks.jar report --work DIR --out docs/perf
 * </pre>
 *
 * Environment: BENCH_QUICK=1 (smoke run: two sizes, short iterations), BENCH_WARMUP (iterations,
 * default 3), BENCH_ITERATIONS (default 5), BENCH_TIME_MS (per iteration, default 1000).
 */
public final class BenchMain {
  static final String PKG = "io.memoguard.bench.";
  static final String[] FORK_FLAGS = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"};

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 ? args[0] : "run";
    String agent = option(args, "--agent", "agent/target/memoguard-agent.jar");
    Path work = Path.of(option(args, "--work", "benchmarks/target/bench")).toAbsolutePath();
    Path out = Path.of(option(args, "--out", "docs/perf")).toAbsolutePath();
    Files.createDirectories(work);
    Files.createDirectories(out);
    if (command.equals("run")) {
      run(Path.of(agent).toAbsolutePath(), work);
    } else if (!command.equals("report")) {
      throw new IllegalArgumentException("usage: run|report --agent JAR --work DIR --out DIR");
    }
    Report.write(work, out);
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int env(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  static boolean quick() {
    return "1".equals(System.getenv("BENCH_QUICK"));
  }

  private static void run(Path agent, Path work) throws Exception {
    if (!Files.isRegularFile(agent)) {
      throw new IllegalStateException("agent jar not found: " + agent + " (build it with mvn package)");
    }
    Path invalidateConfig = config(work, "memoguard-bench.yaml", "invalidate", "warn", "agent.log");
    Path logConfig = config(work, "memoguard-bench-log.yaml", "log", "error", "agent-log.log");
    String agentFlag = "-javaagent:" + agent + "=config=";

    List<Row> rows = new ArrayList<>();
    Properties meta = new Properties();
    long start = System.nanoTime();
    meta.setProperty("loadBefore", loadAverage());
    rows.addAll(run("agent", List.of("HitBench", "MemoSizeBench", "MemoMissBench",
        "RequestBaselineBench", "CachedWriteBench", "BarrierBench", "HostWorkBench"),
        agentFlag + invalidateConfig, work, meta));
    rows.addAll(run("agent-log", List.of("LoggedWriteBench"), agentFlag + logConfig, work, meta));
    rows.addAll(run("plain", List.of("AltListBench", "AltShapesBench", "BarrierBench",
        "HostWorkBench"), null, work,
        meta));
    meta.setProperty("wallSeconds", Long.toString(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
    meta.setProperty("loadAfter", loadAverage());
    meta.setProperty("quick", Boolean.toString(quick()));
    meta.setProperty("date", java.time.ZonedDateTime.now().toString());
    meta.setProperty("configInvalidate", Files.readString(invalidateConfig));
    meta.setProperty("configLog", Files.readString(logConfig));
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(work.resolve("results.csv")))) {
      w.println(Row.HEADER);
      for (Row row : rows) {
        w.println(row.csv());
      }
    }
    try (var w = Files.newBufferedWriter(work.resolve("meta.properties"))) {
      meta.store(w, "memoguard micro-benchmark run");
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static Path config(Path work, String file, String onMutation, String level, String log)
      throws IOException {
    Path path = work.resolve(file);
    Files.writeString(path, String.join("\n",
        "memoize:",
        "  - class: benchapp.repo.BenchRepository",
        "    methods: [get*]",
        "guard:",
        "  packages: [benchapp.domain]",
        "on-mutation: " + onMutation,
        "log:",
        "  level: " + level,
        "  file: " + log,
        ""));
    return path;
  }

  private static List<Row> run(String fork, List<String> classes, String agentFlag, Path work,
      Properties meta) throws Exception {
    boolean quick = quick();
    int warmup = env("BENCH_WARMUP", quick ? 1 : 3);
    int iterations = env("BENCH_ITERATIONS", quick ? 2 : 5);
    int millis = env("BENCH_TIME_MS", quick ? 300 : 1000);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(1)
        .warmupIterations(warmup)
        .warmupTime(TimeValue.milliseconds(millis))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.milliseconds(millis))
        .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
        .timeUnit(TimeUnit.NANOSECONDS)
        .threads(1)
        .shouldFailOnError(true)
        .addProfiler(GCProfiler.class)
        .jvmArgs(FORK_FLAGS)
        .result(work.resolve("jmh-" + fork + ".json").toString())
        .resultFormat(ResultFormatType.JSON);
    if (agentFlag != null) {
      options.jvmArgsAppend(agentFlag);
    }
    for (String c : classes) {
      options.include("^" + PKG.replace(".", "\\.") + c + "\\.");
    }
    if (quick) {
      options.param("size", "1", "1111");
    }
    String sizes = System.getenv("BENCH_SIZES");
    if (sizes != null && !sizes.isBlank()) {
      options.param("size", sizes.trim().split("[ ,]+"));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      Result<?> primary = r.getPrimaryResult();
      double alloc = Double.NaN;
      for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          alloc = e.getValue().getScore();
        }
      }
      String name = p.getBenchmark().substring(PKG.length());
      String shape = p.getParamsKeys().contains("shape") ? p.getParam("shape") : "";
      String size = p.getParamsKeys().contains("size") ? p.getParam("size") : "";
      rows.add(new Row(fork, name, shape, size, primary.getScore(), primary.getScoreError(),
          primary.getScoreUnit(), alloc));
      meta.setProperty("jvm." + fork, p.getJvm());
      meta.setProperty("jvmArgs." + fork, String.join(" ", p.getJvmArgs()));
      meta.setProperty("jdk." + fork, p.getVmName() + " " + p.getVmVersion() + " (JDK " + p.getJdkVersion() + ")");
      meta.setProperty("jmh", p.getJmhVersion());
      meta.setProperty("iterations", String.format(Locale.ROOT, "%d x %s warmup, %d x %s measurement",
          p.getWarmup().getCount(), p.getWarmup().getTime(), p.getMeasurement().getCount(),
          p.getMeasurement().getTime()));
    }
    return rows;
  }

  /** One benchmark result. */
  record Row(String fork, String name, String shape, String size, double score, double error,
      String unit, double allocBytes) {
    static final String HEADER = "fork,benchmark,shape,size,score,error,unit,alloc_bytes_per_op";

    String csv() {
      return String.join(",", fork, name, shape, size, Double.toString(score),
          Double.toString(error), unit, Double.toString(allocBytes));
    }

    static Row parse(String line) {
      String[] f = line.split(",", -1);
      return new Row(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5]), f[6],
          Double.parseDouble(f[7]));
    }
  }
}
