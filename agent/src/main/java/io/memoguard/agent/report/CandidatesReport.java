package io.memoguard.agent.report;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.MethodStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What verify mode learnt, per method, as a suggested configuration: methods whose repeated calls
 * all returned the same thing go to {@code memoize}, methods that returned something different go
 * to {@code invalidate} (which keeps them out of memoization), each with its counts as a comment.
 * Written next to the log file (or the configuration file when logging to standard error),
 * replaced whole at every summary interval and at exit, so a reader never sees half a file.
 */
public final class CandidatesReport {
  public static final String FILE_NAME = "memoguard-candidates.yaml";

  private final Path file;
  private final List<String> guardPackages;
  private final AgentLog log;
  private volatile boolean failed;

  private CandidatesReport(Path file, List<String> guardPackages, AgentLog log) {
    this.file = file;
    this.guardPackages = guardPackages;
    this.log = log;
  }

  /** The report of this configuration, or null when no method runs in verify mode. */
  public static CandidatesReport of(AgentConfig config, AgentLog log) {
    boolean verify = config.mode() == Mode.VERIFY
        || config.memoize().stream().map(MemoRule::mode).anyMatch(m -> m == Mode.VERIFY);
    if (!verify) {
      return null;
    }
    Path base = config.logFile() != null ? Path.of(config.logFile()) : config.source();
    Path dir = base.toAbsolutePath().getParent();
    return new CandidatesReport(dir.resolve(FILE_NAME), config.guardPackages(), log);
  }

  public Path file() {
    return file;
  }

  /** Replaces the file with the current report; a failure is logged once and nothing else. */
  public void write() {
    try {
      Path partial = file.resolveSibling(FILE_NAME + ".partial");
      Files.writeString(partial, text(), StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException failure) {
      if (!failed) {
        failed = true;
        log.warn("candidates report " + file + " cannot be written (" + failure.getClass().getName()
            + "); it stays readable as JMX attribute io.memoguard:type=Candidates Report");
      }
    }
  }

  /** The report now, as YAML a user can adopt as their configuration. */
  public String text() {
    return text(MethodStats.all(), guardPackages, Instant.now().toString());
  }

  static String text(List<MethodStats> all, List<String> guardPackages, String now) {
    List<MethodStats> seen = new ArrayList<>();
    for (MethodStats method : all) {
      // requests count only calls in verify mode; a method outside it has nothing to suggest
      if (method.requests() > 0 && method.name.indexOf('.') > 0) {
        seen.add(method);
      }
    }
    seen.sort(Comparator.comparingLong(MethodStats::wouldSave).reversed()
        .thenComparing(m -> m.name));
    Map<String, List<MethodStats>> memoize = new LinkedHashMap<>();
    Map<String, List<MethodStats>> invalidate = new LinkedHashMap<>();
    List<MethodStats> unrepeated = new ArrayList<>();
    for (MethodStats method : seen) {
      if (method.differences() > 0) {
        invalidate.computeIfAbsent(owner(method), c -> new ArrayList<>()).add(method);
      } else if (method.wouldSave() > 0) {
        memoize.computeIfAbsent(owner(method), c -> new ArrayList<>()).add(method);
      } else {
        unrepeated.add(method);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("# memoguard candidates from verify mode, ").append(now).append('\n');
    out.append("# memoize: repeated within a request and never different; invalidate: returned"
        + " something different,\n# so memoizing it would change responses. Per method: calls,"
        + " requests that called it,\n# repeated calls per request, would-save (calls memoization"
        + " saves), differences.\n");
    rules(out, "memoize", memoize, false);
    rules(out, "invalidate", invalidate, true);
    out.append("guard:\n  packages: [").append(String.join(", ", guardPackages)).append("]\n");
    for (MethodStats method : unrepeated) {
      out.append("# not repeated within a request, nothing to save: ").append(counts(method))
          .append('\n');
    }
    return out.toString();
  }

  private static void rules(StringBuilder out, String section, Map<String, List<MethodStats>> rules,
      boolean clears) {
    if (rules.isEmpty()) {
      out.append(section).append(": []\n");
      return;
    }
    out.append(section).append(":\n");
    for (Map.Entry<String, List<MethodStats>> rule : rules.entrySet()) {
      List<String> names = new ArrayList<>();
      for (MethodStats method : rule.getValue()) {
        out.append("  # ").append(counts(method)).append('\n');
        names.add(method.name.substring(rule.getKey().length() + 1));
      }
      out.append("  - class: ").append(rule.getKey()).append('\n');
      out.append("    methods: [").append(String.join(", ", names)).append("]\n");
      if (clears) {
        out.append("    clears: class\n");
      }
    }
  }

  private static String owner(MethodStats method) {
    return method.name.substring(0, method.name.lastIndexOf('.'));
  }

  private static String counts(MethodStats method) {
    long calls = method.calls();
    long requests = method.requests();
    String line = method.name + ": calls=" + calls + " requests=" + requests
        + " repeats-per-request=" + String.format(Locale.ROOT, "%.1f",
            (calls - requests) / (double) requests)
        + " would-save=" + method.wouldSave() + " differences=" + method.differences();
    String first = method.firstDifference();
    return first == null ? line : line + " first-difference=" + oneLine(first);
  }

  /** A path is names, but a hostile class name must not end the comment line. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 300; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return out.toString();
  }
}
