package io.memoguard.it;

import io.memoguard.it.HostileConfigs.Case;
import io.memoguard.it.HostileLayouts.Layout;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every JVM of the hostile-host suite, started once (two at a time) before any of its tests looks
 * at them: the scenario application without the agent and with it in three modes, each class-loader
 * layout without and with the agent, and the tiny host once per configuration case.
 */
final class HostileSuite {
    static final String APP = "com.example.hostile.HostileApp";
    static final String TINY = "com.example.hostile.TinyHost";
    /** Small enough that the agent keeping the batch scenario's rows (3000 x 64 KB) would exhaust it. */
    static final String HEAP = "-Xmx128m";

    enum Variant { BASE, MEMO, VERIFY, BASE_FAILSAFE, FAIL }

    private static final String SCENARIO_CONFIG = String.join("\n",
            "memoize:",
            "  - class: com.example.hostile.repo.**",
            "  - implements: com.example.hostile.repo.Lookup",
            "guard:",
            "  packages: [com.example.hostile.domain]",
            "requests:",
            "  entry-points:",
            "    - class: com.example.hostile.Requests",
            "      methods: [serve]",
            "");
    private static final String TINY_CONFIG_RULES = "memoize:\n  - class: com.example.hostile.repo.PetRepository\n"
            + "guard:\n  packages: [com.example.hostile.domain]\n"
            + "requests:\n  entry-points:\n    - class: com.example.hostile.Requests\n      methods: [serve]\n";

    final Path work;
    final Map<Variant, ProcessOutput> scenarios = new EnumMap<>(Variant.class);
    final Map<String, ProcessOutput[]> layouts = new LinkedHashMap<>();
    final Map<String, ProcessOutput> configs = new LinkedHashMap<>();
    final Map<String, Path> configPaths = new LinkedHashMap<>();
    final Map<String, Path> logFiles = new LinkedHashMap<>();
    ProcessOutput tinyBaseline;
    long millis;

    private HostileSuite(Path work) {
        this.work = work;
    }

    static HostileSuite run() {
        long start = System.nanoTime();
        try {
            Path work = Files.createDirectories(ItEnv.logsDir().resolve("hostile-" + System.currentTimeMillis()));
            HostileSuite suite = new HostileSuite(work);
            suite.runAll();
            suite.millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("hostile-host suite: all JVMs ran in " + suite.millis + " ms");
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runAll() throws IOException {
        String classes = ItEnv.classesDir().toString();
        Path serialized = writeSerializedPetWithoutAgent();
        List<String> appArgs = List.of(HEAP, "-Dhostile.serialized=" + serialized);
        Path memo = write("scenarios-memoize.yaml", SCENARIO_CONFIG);
        Path verify = write("scenarios-verify.yaml", SCENARIO_CONFIG + "mode: verify\n");
        Path fail = write("scenarios-fail.yaml", SCENARIO_CONFIG + "on-mutation: fail\n");

        List<Supplier<Runnable>> tasks = new ArrayList<>();
        // the longest runs first, so that the short ones fill the gaps
        tasks.add(scenario(Variant.MEMO, withAgent(appArgs, memo), classes, List.of()));
        tasks.add(scenario(Variant.VERIFY, withAgent(appArgs, verify), classes, List.of()));
        tasks.add(scenario(Variant.FAIL, withAgent(appArgs, fail), classes, List.of("failsafe")));
        tasks.add(scenario(Variant.BASE, appArgs, classes, List.of()));
        tasks.add(scenario(Variant.BASE_FAILSAFE, appArgs, classes, List.of("failsafe")));
        tasks.add(() -> {
            ProcessOutput out = HostileRun.run("hostile-tiny-base", List.of(), classes, TINY, List.of());
            return () -> tinyBaseline = out;
        });
        Path layoutConfig = write("layouts.yaml", HostileLayouts.CONFIG);
        for (Layout layout : HostileLayouts.all(work.resolve("layouts"))) {
            tasks.add(() -> {
                ProcessOutput base = HostileRun.run("hostile-layout-" + layout.name() + "-base", layout.jvmArgs(),
                        layout.classpath(), layout.main(), layout.args());
                List<String> agentArgs = new ArrayList<>(layout.jvmArgs());
                if (layout.attach()) {
                    agentArgs.add("-Dhostile.attach=" + ItEnv.agentJar() + "=config=" + layoutConfig);
                } else {
                    agentArgs.add(ItEnv.javaagent(layoutConfig));
                }
                ProcessOutput agent = HostileRun.run("hostile-layout-" + layout.name() + "-agent", agentArgs,
                        layout.classpath(), layout.main(), layout.args());
                return () -> layouts.put(layout.name(), new ProcessOutput[] {base, agent});
            });
        }
        for (Case c : HostileConfigs.all()) {
            Path config = prepare(c);
            tasks.add(() -> {
                ProcessOutput out = HostileRun.run("hostile-config-" + c.name(), List.of(ItEnv.javaagent(config)), classes,
                        TINY, List.of());
                return () -> configs.put(c.name(), out);
            });
        }
        // results are recorded on this thread, in the order of the tasks
        for (Runnable record : HostileRun.all(tasks)) {
            record.run();
        }
    }

    private Supplier<Runnable> scenario(Variant variant, List<String> jvmArgs, String classes, List<String> args) {
        return () -> {
            ProcessOutput out = HostileRun.run("hostile-app-" + variant.name().toLowerCase(), jvmArgs, classes, APP, args);
            return () -> scenarios.put(variant, out);
        };
    }

    private static List<String> withAgent(List<String> args, Path config) {
        List<String> all = new ArrayList<>(args);
        all.add(ItEnv.javaagent(config));
        return all;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text);
    }

    /** Lays out one configuration case on disk and returns the path the agent is given. */
    private Path prepare(Case c) throws IOException {
        Path dir = Files.createDirectories(work.resolve("configs"));
        Path config = dir.resolve(c.name() + ".yaml").toAbsolutePath();
        configPaths.put(c.name(), config);
        switch (c.shape()) {
            case FILE -> Files.write(config, c.content());
            case MISSING -> { }
            case DIRECTORY -> Files.createDirectories(config);
            case SYMLINK_LOOP -> Files.createSymbolicLink(config, config);
            case LOG_UNDER_REGULAR_FILE -> {
                Path blocker = Files.writeString(dir.resolve(c.name() + "-regular-file"), "not a directory\n");
                Path log = blocker.resolve("sub").resolve("memoguard.log");
                logFiles.put(c.name(), log);
                Files.writeString(config, new String(c.content()) + "log:\n  file: " + log + "\n");
            }
            case LOG_IS_DIRECTORY -> {
                Path log = Files.createDirectories(dir.resolve(c.name() + "-log-directory"));
                logFiles.put(c.name(), log);
                Files.writeString(config, new String(c.content()) + "log:\n  file: " + log + "\n");
            }
            default -> throw new AssertionError(c.shape());
        }
        return config;
    }

    /** Serialized by this JVM, which has no agent: the bytes a service wrote before memoguard was added. */
    private Path writeSerializedPetWithoutAgent() throws IOException {
        Path file = work.resolve("pet-without-agent.ser");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(new com.example.hostile.domain.Pet(7, "pet-SECRET-7", new ArrayList<>(List.of("SECRET-t")),
                    new Date(7000), new com.example.hostile.domain.Owner("SECRET-owner-7", "city")));
        }
        return file;
    }

    /** Every run with the agent, by name: what the log-hygiene tests look at. */
    Map<String, ProcessOutput> agentRuns() {
        Map<String, ProcessOutput> runs = new LinkedHashMap<>();
        scenarios.forEach((v, out) -> {
            if (v != Variant.BASE && v != Variant.BASE_FAILSAFE) {
                runs.put("scenarios " + v.name().toLowerCase(), out);
            }
        });
        layouts.forEach((name, pair) -> runs.put("layout " + name, pair[1]));
        configs.forEach((name, out) -> runs.put("config " + name, out));
        return runs;
    }

    /** The log file the agent was told to write to, for the log.file cases. */
    Path logFile(String configCase) {
        return logFiles.get(configCase);
    }
}
