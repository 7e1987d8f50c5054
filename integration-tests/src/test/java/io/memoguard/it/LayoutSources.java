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
 * The classes {@code com.example.layouts.LayoutHost} runs, compiled by the test into a directory:
 * layouts need variants of one class (another superclass, a method too large to rewrite) that
 * one source tree cannot hold.
 *
 * <p>{@code gen.domain} is guarded: {@code Base}, and {@code Pet extends gen.mid.Mid}, where
 * {@code Mid} (unguarded) extends either {@code Base} or {@code Object}. {@code gen.jdbc.JdbcPet}
 * extends {@code Pet} from outside the guarded package with fields of its own.
 */
final class LayoutSources {
    static final String CONFIG_PACKAGES = "gen.domain";

    private LayoutSources() {
    }

    /**
     * @param midExtendsBase whether gen.mid.Mid extends the guarded gen.domain.Base
     * @param hugeMethod writes in Pet.fill(): 6,500 fit in a method, but not with their barriers
     */
    static Path compile(Path dir, boolean midExtendsBase, int hugeMethod) {
        return compile(dir, midExtendsBase, hugeMethod, 0);
    }

    /** @param hugeWriter the same for gen.writer.Writer.fill(Pet), which writes Pet.name */
    static Path compile(Path dir, boolean midExtendsBase, int hugeMethod, int hugeWriter) {
        StringBuilder fill = new StringBuilder("  public void fill() {\n");
        for (int i = 0; i < hugeMethod; i++) {
            fill.append("    age = 1;\n");
        }
        fill.append("  }\n");
        StringBuilder writerFill = new StringBuilder("  public static void fill(gen.domain.Pet p) {\n");
        for (int i = 0; i < hugeWriter; i++) {
            writerFill.append("    p.name = \"x\";\n");
        }
        writerFill.append("  }\n");
        Map<String, String> sources = Map.of(
                "gen/domain/Base.java", """
                        package gen.domain;
                        public class Base implements java.io.Serializable {
                          public int id = 7;
                        }
                        """,
                "gen/mid/Mid.java", """
                        package gen.mid;
                        public class Mid %s {
                          public String note = "note";
                        }
                        """.formatted(midExtendsBase ? "extends gen.domain.Base" : ""),
                "gen/domain/Pet.java", """
                        package gen.domain;
                        public class Pet extends gen.mid.Mid implements java.io.Serializable, Cloneable {
                          public String name;
                          protected int age;
                          public Pet(String name) { this.name = name; }
                          public void setName(String name) { this.name = name; }
                          public Pet copy() throws CloneNotSupportedException { return (Pet) clone(); }
                        %s}
                        """.formatted(fill),
                "gen/jdbc/JdbcPet.java", """
                        package gen.jdbc;
                        public class JdbcPet extends gen.domain.Pet {
                          public int typeId = 3;
                          public JdbcPet(String name) { super(name); }
                          public void renameHere(String name) { this.name = name; }
                        }
                        """,
                "gen/repo/PetRepository.java", """
                        package gen.repo;
                        public class PetRepository {
                          // Object: the agent need not resolve Pet where no class file of it can be read
                          public Object find(int id) { return new gen.domain.Pet("pet" + id); }
                          public Object findJdbc(int id) { return new gen.jdbc.JdbcPet("jdbc" + id); }
                        }
                        """,
                "gen/writer/Writer.java", """
                        package gen.writer;
                        public class Writer {
                          public static void rename(gen.domain.Pet p, String name) { p.name = name; }
                          public static void note(gen.domain.Pet p, String note) { p.note = note; }
                        %s}
                        """.formatted(writerFill),
                "gen/Early.java", """
                        package gen;
                        public class Early {
                          public static String touch() { return new gen.domain.Pet("early").name; }
                        }
                        """,
                "gen/Scenario.java", SCENARIO);
        return compile(dir, sources);
    }

    private static final String SCENARIO = """
            package gen;
            import gen.domain.Pet;
            import gen.jdbc.JdbcPet;
            import gen.repo.PetRepository;
            import gen.writer.Writer;
            import java.io.*;
            public class Scenario {
              public static String run(String[] args) throws Exception {
                PetRepository repo = new PetRepository();
                String what = args.length == 0 ? "pet" : args[0];
                switch (what) {
                  case "jdbc": {
                    JdbcPet first = (JdbcPet) repo.findJdbc(1);
                    first.typeId = 9;
                    JdbcPet second = (JdbcPet) repo.findJdbc(1);
                    second.renameHere("renamed");
                    JdbcPet third = (JdbcPet) repo.findJdbc(1);
                    return "second.typeId=" + second.typeId + " third.name=" + third.name;
                  }
                  case "clone": {
                    Pet first = (Pet) repo.find(1);
                    Pet copy = first.copy();
                    copy.setName("copy");
                    Writer.rename(copy, "copy2");
                    Pet second = (Pet) repo.find(1);
                    return "copy=" + copy.name + " first=" + first.name + " second=" + second.name;
                  }
                  case "write": {
                    try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(args[1]))) {
                      out.writeObject(repo.find(2));
                    }
                    return "wrote";
                  }
                  case "read": {
                    try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(args[1]))) {
                      Pet p = (Pet) in.readObject();
                      return "read=" + p.name + "/" + p.note;
                    }
                  }
                  default: {
                    Pet first = (Pet) repo.find(1);
                    Writer.rename(first, "changed");
                    Writer.note(first, "noted");
                    Pet second = (Pet) repo.find(1);
                    return "first=" + first.name + "/" + first.note + " second=" + second.name + "/" + second.note;
                  }
                }
              }
            }
            """;

    private static Path compile(Path dir, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, null, args.toArray(new String[0]));
            if (status != 0) {
                throw new AssertionError("javac failed for " + dir);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the classes under the given package folders of {@code classes} to {@code target}. */
    static Path copy(Path classes, Path target, String... packages) {
        try {
            for (String pkg : packages) {
                Path from = classes.resolve(pkg);
                Path to = Files.createDirectories(target.resolve(pkg));
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
