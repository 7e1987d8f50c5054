package io.memoguard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Class-loader layouts of the hostile-host suite, each one JVM without and one with the agent:
 * several child-first loaders, a loader without resources, the boot class path, run-time attach,
 * one class name with two superclasses, a guarded class whose own rewrite fails, a custom system
 * class loader. Classes that cannot exist twice in src/main are compiled here, with the JDK's javac.
 */
final class HostileLayouts {

    /** One layout: how to start it; the agent's arguments are added by the suite. */
    record Layout(String name, List<String> jvmArgs, String classpath, String main, List<String> args, boolean attach) {
    }

    static final String CONFIG = String.join("\n",
            "memoize:",
            "  - class: com.example.hostile.iso.StaticRepo",
            "  - class: com.example.hostile.chain.ChainRepo",
            "  - class: com.example.hostile.layout.BootRepo",
            "  - class: com.example.hostile.late.LateRepo",
            "  - class: com.example.hostile.twin.TwinRepo",
            "  - class: com.example.hostile.big.BigRepo",
            "  - class: com.example.hostile.repo.**",
            "guard:",
            "  packages: [com.example.hostile.domain, com.example.hostile.iso.domain, com.example.hostile.chain.domain,",
            "             com.example.hostile.boot, com.example.hostile.late.domain, com.example.hostile.twin.domain,",
            "             com.example.hostile.big.domain]",
            "requests:",
            "  propagate: false",
            "  entry-points:",
            "    - class: com.example.hostile.Requests",
            "      methods: [serve]",
            "    - class: com.example.hostile.late.LateRequests",
            "      methods: [serveLate]",
            "");

    private HostileLayouts() {
    }

    static List<Layout> all(Path work) {
        String classes = ItEnv.classesDir().toString();
        Path boot = copyBootClasses(work.resolve("boot"));
        Path twinGuarded = compile(work.resolve("twin-guarded"), twinSources("extends com.example.hostile.twin.domain.Base"));
        Path twinPlain = compile(work.resolve("twin-plain"), twinSources(""));
        Path big = compile(work.resolve("too-large"), tooLargeSources());
        String sep = java.io.File.pathSeparator;
        List<Layout> layouts = new ArrayList<>();
        layouts.add(new Layout("several-child-first-loaders", List.of(), classes, "com.example.hostile.layout.MultiLoaderMain", List.of(), false));
        layouts.add(new Layout("loader-without-resources", List.of(), classes, "com.example.hostile.layout.NullResourceMain", List.of(), false));
        layouts.add(new Layout("guarded-class-on-boot-class-path", List.of("-Xbootclasspath/a:" + boot), classes,
                "com.example.hostile.layout.BootMain", List.of(), false));
        layouts.add(new Layout("run-time-attach", List.of("-Djdk.attach.allowAttachSelf=true", "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+EnableDynamicAgentLoading"), classes, "com.example.hostile.layout.AttachMain", List.of(), true));
        layouts.add(new Layout("same-name-two-superclasses-guarded-first", List.of(), classes, "com.example.hostile.layout.TwinsMain",
                List.of(twinGuarded.toString(), twinPlain.toString()), false));
        layouts.add(new Layout("same-name-two-superclasses-plain-first", List.of(), classes, "com.example.hostile.layout.TwinsMain",
                List.of(twinPlain.toString(), twinGuarded.toString()), false));
        layouts.add(new Layout("guarded-class-too-large-to-rewrite", List.of(), big + sep + classes, "com.example.hostile.big.BigMain",
                List.of(), false));
        layouts.add(new Layout("custom-system-class-loader", List.of("-Djava.system.class.loader=com.example.hostile.layout.SystemLoader"),
                classes, "com.example.hostile.TinyHost", List.of(), false));
        return layouts;
    }

    private static Path copyBootClasses(Path dir) {
        Path from = ItEnv.classesDir().resolve("com/example/hostile/boot");
        Path to = dir.resolve("com/example/hostile/boot");
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Guarded Twin extends unguarded Mid in both copies; Mid extends the guarded Base in one copy and
     * Object in the other, so only the loaded classes (not their names) tell where the tracker is.
     */
    private static Map<String, String> twinSources(String midSuperclass) {
        return Map.of(
                "com/example/hostile/twin/domain/Base.java",
                "package com.example.hostile.twin.domain; public class Base { public int base; }",
                "com/example/hostile/twin/plain/Mid.java",
                "package com.example.hostile.twin.plain; public class Mid " + midSuperclass + " { public int mid; }",
                "com/example/hostile/twin/domain/Twin.java",
                "package com.example.hostile.twin.domain; public class Twin extends com.example.hostile.twin.plain.Mid"
                        + " { public int value; public String name = \"SECRET-twin\"; }",
                "com/example/hostile/twin/TwinRepo.java",
                "package com.example.hostile.twin; import com.example.hostile.twin.domain.Twin;"
                        + " public class TwinRepo { public Twin getTwin(int id) { com.example.hostile.Db.trip();"
                        + " Twin t = new Twin(); t.value = id; return t; } }",
                "com/example/hostile/twin/TwinWriter.java",
                "package com.example.hostile.twin; import com.example.hostile.twin.domain.Twin;"
                        + " public final class TwinWriter { private static final TwinRepo REPO = new TwinRepo();"
                        + " public static String exercise() { Twin t = REPO.getTwin(1); int loaded = t.value; t.value = loaded + 10;"
                        + " t.name = \"SECRET-written\"; return loaded + \"->\" + t.value + \" again \" + REPO.getTwin(1).value; } }");
    }

    private static Map<String, String> tooLargeSources() {
        StringBuilder fill = new StringBuilder();
        for (int i = 0; i < 6_500; i++) {
            fill.append("f = ").append(i % 1000).append(";\n");
        }
        return Map.of(
                "com/example/hostile/big/domain/Big.java",
                "package com.example.hostile.big.domain; public class Big { public int f; public String name;"
                        + " public void fill() {\n" + fill + "} }",
                "com/example/hostile/big/BigRepo.java",
                "package com.example.hostile.big; import com.example.hostile.big.domain.Big;"
                        + " public class BigRepo { public Big getBig(int id) { com.example.hostile.Db.trip();"
                        + " Big b = new Big(); b.name = \"SECRET-big-\" + id; return b; } }",
                "com/example/hostile/big/BigMain.java",
                "package com.example.hostile.big; import com.example.hostile.big.domain.Big;"
                        + " public final class BigMain { public static void main(String[] a) throws Exception {"
                        + " BigRepo repo = new BigRepo(); com.example.hostile.Out out = new com.example.hostile.Out(\"too-large\");"
                        + " int before = com.example.hostile.Db.trips();"
                        + " new com.example.hostile.Requests().serve(out, o -> { Big b = repo.getBig(1); b.fill();"
                        + " o.p(\"filled\", b.f); b.name = \"SECRET-renamed\"; b.f = -1;"
                        + " o.p(\"again\", repo.getBig(1).name + \"/\" + repo.getBig(1).f); });"
                        + " System.out.println(\"T too-large MAY \" + (com.example.hostile.Db.trips() - before));"
                        + " System.out.println(\"DONE\"); } }");
    }

    /** Compiles the sources into {@code dir} against this module's application classes. */
    private static Path compile(Path dir, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", ItEnv.classesDir().toString(),
                    "--release", "17", "-nowarn"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(new String[0]));
            if (rc != 0) {
                throw new AssertionError("javac failed for " + dir);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
