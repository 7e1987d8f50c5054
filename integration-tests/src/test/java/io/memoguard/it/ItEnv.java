package io.memoguard.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locations handed over by surefire (see the module's pom.xml) and the agent/classpath arguments built from them. */
final class ItEnv {

    private ItEnv() {
    }

    /** The packaged agent: {@code memoguard.agent.jar}. Fails the test if it has not been built. */
    static Path agentJar() {
        return requiredFile("memoguard.agent.jar", "build it first: mvn -B package (the agent module)");
    }

    /** The packaged demo service: {@code memoguard.demo.jar}. */
    static Path demoJar() {
        return requiredFile("memoguard.demo.jar", "build it first: mvn -B package (the demo-service module)");
    }

    /** The demo service's memoguard configuration: {@code memoguard.demo.config}. */
    static Path demoConfig() {
        return requiredFile("memoguard.demo.config", "it belongs to the demo-service module");
    }

    /** {@code -javaagent:<agent jar>=config=<config>} */
    static String javaagent(Path config) {
        return "-javaagent:" + agentJar() + "=config=" + config.toAbsolutePath();
    }

    static Path appsDir() {
        return Paths.get(property("it.apps.dir"));
    }

    static Path classesDir() {
        return Paths.get(property("it.classes.dir"));
    }

    static Path logsDir() {
        Path dir = Paths.get(property("it.logs.dir"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Classpath of one test application: its extra directories (e.g. the logging host's conf dir),
     * this module's compiled application classes, then the jars copied to {@code target/apps/<app>/lib}.
     */
    static String appClasspath(String app, Path... extraDirsFirst) {
        List<String> entries = new ArrayList<>();
        for (Path dir : extraDirsFirst) {
            entries.add(dir.toString());
        }
        entries.add(classesDir().toString());
        Path lib = appsDir().resolve(app).resolve("lib");
        if (!Files.isDirectory(lib)) {
            fail("missing " + lib + ": run the build through maven (process-classes copies the application libraries)");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path requiredFile(String key, String hint) {
        Path path = Paths.get(property(key)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            fail("system property " + key + " points to " + path + ", which does not exist (" + hint + ")");
        }
        return path;
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            fail("system property " + key + " is not set: run the tests through maven (surefire sets it)");
        }
        return value;
    }
}
