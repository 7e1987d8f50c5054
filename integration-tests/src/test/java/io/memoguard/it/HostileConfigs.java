package io.memoguard.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Broken (and a few odd but valid) configurations for the hostile-host suite, each run against
 * {@code com.example.hostile.TinyHost}. A broken one must cost exactly one ERROR line naming the
 * file ({@code position}: followed by {@code :line:column:}) and leave the host as without the agent.
 */
final class HostileConfigs {

    /** How the file is laid out on disk besides its bytes. */
    enum Shape { FILE, MISSING, DIRECTORY, SYMLINK_LOOP, LOG_UNDER_REGULAR_FILE, LOG_IS_DIRECTORY }

    record Case(String name, Shape shape, byte[] content, boolean broken, boolean position) {
    }

    private static final String VALID = "memoize:\n  - class: com.example.hostile.repo.PetRepository\n"
            + "guard:\n  packages: [com.example.hostile.domain]\n"
            + "requests:\n  propagate: false\n  entry-points:\n    - class: com.example.hostile.Requests\n      methods: [serve]\n";

    private HostileConfigs() {
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        // YAML syntax
        bad(c, "unclosed-flow-sequence", "memoize: [class: x\n");
        bad(c, "reserved-indicator", "on-mutation: log\nmemoize: @bad\n");
        bad(c, "tab-indentation", "memoize:\n\t- class: a.B\n");
        bad(c, "unclosed-quote", "log:\n  level: \"info\n");
        bad(c, "bad-indentation", "guard:\n  packages: [a]\n   max-graph-objects: 3\n");
        bad(c, "mapping-in-plain-scalar", "on-mutation: a: b\n");
        bad(c, "undefined-alias", "memoize: *nope\n");
        bad(c, "duplicate-top-key", "on-mutation: log\non-mutation: fail\n");
        bad(c, "duplicate-rule-key", "memoize:\n  - class: a.B\n    class: a.C\n");
        bad(c, "unclosed-flow-map", "guard: {packages: [a]\n");
        add(c, "alias-bomb", Shape.FILE, bytes(aliasBomb()), true, false);
        // root of the wrong kind
        bad(c, "scalar-root", "hello\n");
        bad(c, "list-root", "[1, 2]\n");
        bad(c, "list-of-maps-root", "- memoize: []\n");
        // wrong types, every key
        bad(c, "memoize-scalar", "memoize: yes\n");
        bad(c, "memoize-map", "memoize: {class: a.B}\n");
        bad(c, "memoize-item-scalar", "memoize:\n  - a.B\n");
        bad(c, "methods-number", "memoize:\n  - class: a.B\n    methods: 5\n");
        bad(c, "methods-empty", "memoize:\n  - class: a.B\n    methods: []\n");
        bad(c, "methods-nested-list", "memoize:\n  - class: a.B\n    methods: [[get*]]\n");
        bad(c, "class-list", "memoize:\n  - class: [a.B]\n");
        bad(c, "class-map", "memoize:\n  - class: {a: b}\n");
        bad(c, "class-empty", "memoize:\n  - class: \"\"\n");
        bad(c, "class-null", "memoize:\n  - class: ~\n");
        bad(c, "two-selectors", "memoize:\n  - class: a.B\n    implements: a.C\n");
        bad(c, "no-selector", "memoize:\n  - methods: [get*]\n");
        bad(c, "on-mutation-unknown", "on-mutation: explode\n");
        bad(c, "on-mutation-list", "on-mutation: [log]\n");
        bad(c, "mode-unknown", "mode: turbo\n");
        bad(c, "rule-on-mutation-unknown", "memoize:\n  - class: a.B\n    on-mutation: maybe\n");
        bad(c, "rule-mode-number", "memoize:\n  - class: a.B\n    mode: 1\n");
        bad(c, "park-string", "memoize:\n  - class: a.B\n    park: sometimes\n");
        bad(c, "park-timeout-without-park", "memoize:\n  - class: a.B\n    park-timeout-ms: 10\n");
        bad(c, "park-timeout-too-large", "memoize:\n  - class: a.B\n    park: true\n    park-timeout-ms: 600001\n");
        bad(c, "park-timeout-negative", "memoize:\n  - class: a.B\n    park: true\n    park-timeout-ms: -5\n");
        bad(c, "clears-unknown", "invalidate:\n  - class: a.B\n    methods: [save*]\n    clears: world\n");
        bad(c, "invalidate-without-methods", "invalidate:\n  - class: a.B\n");
        bad(c, "entry-point-without-methods", "requests:\n  entry-points:\n    - class: a.B\n");
        bad(c, "entry-points-scalar", "requests:\n  entry-points: a.B\n");
        bad(c, "max-entries-negative", "requests:\n  max-entries: -1\n");
        bad(c, "max-entries-zero", "requests:\n  max-entries: 0\n");
        bad(c, "max-entries-huge", "requests:\n  max-entries: 99999999999999999999999\n");
        bad(c, "max-entries-float", "requests:\n  max-entries: 1.5\n");
        bad(c, "max-entries-string", "requests:\n  max-entries: lots\n");
        bad(c, "max-graph-objects-bool", "guard:\n  max-graph-objects: true\n");
        bad(c, "propagate-string", "requests:\n  propagate: maybe\n");
        bad(c, "clear-on-write-number", "jdbc:\n  clear-on-write: 2\n");
        bad(c, "log-level-unknown", "log:\n  level: loud\n");
        bad(c, "log-level-list", "log:\n  level: [info]\n");
        bad(c, "log-file-empty", "log:\n  file: \"\"\n");
        bad(c, "log-file-nul-character", "log:\n  file: \"a\\0b\"\n");
        bad(c, "packages-map", "guard:\n  packages: {com.acme: domain}\n");
        bad(c, "packages-empty-name", "guard:\n  packages: [\"\"]\n");
        bad(c, "packages-nested-list", "guard:\n  packages: [[a]]\n");
        bad(c, "guard-scalar", "guard: yes\n");
        bad(c, "requests-list", "requests: [a]\n");
        bad(c, "jdbc-scalar", "jdbc: off\n");
        bad(c, "log-list", "log: [info]\n");
        // unknown keys
        bad(c, "unknown-top-key", "memoise: []\n");
        bad(c, "unknown-rule-key", "memoize:\n  - class: a.B\n    method: [get*]\n");
        bad(c, "unknown-guard-key", "guard:\n  package: [a]\n");
        bad(c, "unknown-log-key", "log:\n  levle: info\n");
        bad(c, "non-string-key", "[a]: b\n");
        bad(c, "very-long-unknown-key", "x".repeat(100_000) + ": 1\n");
        // bad globs and selectors
        bad(c, "class-glob-empty-segment", "memoize:\n  - class: \"com..acme\"\n");
        bad(c, "class-glob-spaces", "memoize:\n  - class: \"com acme Repo\"\n");
        bad(c, "class-glob-illegal-character", "memoize:\n  - class: \"com.acme.Re(po\"\n");
        bad(c, "method-glob-illegal-character", "memoize:\n  - class: a.B\n    methods: [\"get(\"]\n");
        bad(c, "method-glob-dot", "memoize:\n  - class: a.B\n    methods: [\"a.b\"]\n");
        bad(c, "implements-with-wildcard", "memoize:\n  - implements: \"com.acme.*\"\n");
        bad(c, "annotated-empty", "memoize:\n  - annotated: \"\"\n");
        // the file itself
        add(c, "empty-file", Shape.FILE, new byte[0], true, false);
        add(c, "only-comments", Shape.FILE, bytes("# nothing here\n# at all\n"), true, false);
        add(c, "bom-only", Shape.FILE, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, true, false);
        add(c, "bom-then-unknown-key", Shape.FILE, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("memoise: x\n")), true, true);
        add(c, "binary-garbage", Shape.FILE, garbage(), true, true);
        add(c, "latin1-comment", Shape.FILE, concat(bytes("on-mutation: log\n# caf"), new byte[] {(byte) 0xE9, '\n'}), true, true);
        add(c, "invalid-utf8-in-value", Shape.FILE, concat(bytes("log:\n  level: in"), new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}), true, true);
        add(c, "utf16-file", Shape.FILE, "on-mutation: log\n".getBytes(StandardCharsets.UTF_16), true, true);
        add(c, "nul-bytes", Shape.FILE, concat(bytes("on-mutation: log\n"), new byte[] {0, 0, 0}), true, true);
        add(c, "control-character", Shape.FILE, bytes("on-mutation: lo\u0007g\n"), true, true);
        add(c, "deep-flow-nesting", Shape.FILE, bytes("memoize: " + "[".repeat(20_000) + "\n"), true, false);
        add(c, "deep-block-nesting", Shape.FILE, deepBlocks(3_000), true, false);
        add(c, "deep-flow-maps", Shape.FILE, bytes("guard: " + "{a: ".repeat(10_000) + "\n"), true, false);
        add(c, "large-file-error-at-end", Shape.FILE, bytes("# padding padding padding padding\n".repeat(25_000) + "memoise: x\n"), true, true);
        // just under the 1 MB the agent reads: still parsed, so the error has a position; above it
        // (oversized-file) the size itself is the error, with no position
        add(c, "oversized-file", Shape.FILE, bytes("# padding padding padding padding\n".repeat(150_000) + "on-mutation: log\n"), true, false);
        add(c, "huge-scalar", Shape.FILE, bytes("on-mutation: " + "z".repeat(900_000) + "\n"), true, true);
        add(c, "missing-file", Shape.MISSING, null, true, false);
        add(c, "directory", Shape.DIRECTORY, null, true, false);
        add(c, "symlink-loop", Shape.SYMLINK_LOOP, null, true, false);
        add(c, "log-file-under-regular-file", Shape.LOG_UNDER_REGULAR_FILE, bytes(VALID), true, false);
        add(c, "log-file-is-directory", Shape.LOG_IS_DIRECTORY, bytes(VALID), true, false);
        // odd but valid: no ERROR at all, and the host computes the same
        add(c, "valid-crlf", Shape.FILE, bytes(VALID.replace("\n", "\r\n")), false, false);
        add(c, "valid-bom", Shape.FILE, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(VALID)), false, false);
        add(c, "valid-flow-style", Shape.FILE, bytes("{memoize: [{class: com.example.hostile.repo.PetRepository}],"
                + " requests: {entry-points: [{class: com.example.hostile.Requests, methods: [serve]}]}}\n"), false, false);
        add(c, "valid-anchors", Shape.FILE, bytes("memoize:\n  - &r {class: com.example.hostile.repo.PetRepository}\n"
                + "requests:\n  entry-points:\n    - class: com.example.hostile.Requests\n      methods: &m [serve]\n"), false, false);
        add(c, "valid-package-shorthand", Shape.FILE, bytes(VALID.replace("[com.example.hostile.domain]", "com.example.hostile.domain")), false, false);
        add(c, "valid-comments-and-unicode", Shape.FILE, bytes("# caf\u00e9 \u2603 \uD83D\uDE00\n" + VALID + "# end\n"), false, false);
        add(c, "valid-empty-sections", Shape.FILE, bytes("memoize:\ninvalidate:\nguard:\nrequests:\nlog:\n"), false, false);
        return c;
    }

    private static void bad(List<Case> c, String name, String yaml) {
        add(c, name, Shape.FILE, bytes(yaml), true, true);
    }

    private static void add(List<Case> c, String name, Shape shape, byte[] content, boolean broken, boolean position) {
        c.add(new Case(name, shape, content, broken, position));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] garbage() {
        byte[] bytes = new byte[4096];
        new Random(9).nextBytes(bytes);
        return bytes;
    }

    private static byte[] deepBlocks(int levels) {
        StringBuilder sb = new StringBuilder("memoize:\n");
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        return bytes(sb.toString());
    }

    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }
}
