package io.memoguard.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.EventSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrEventSinkTest {
  private final List<String> logged = new ArrayList<>();
  private final EventSink log = new EventSink() {
    @Override public void mutation(String f, String s, String v, String e, int c, String a) {
      logged.add("mutation " + f);
    }
    @Override public void lateMutation(String p, String e, String d, int c, String a) {
      logged.add("late " + p);
    }
    @Override public void notice(String message) {}
    @Override public void internalError(String where, Throwable error) {}
    @Override public void invalidation(String method, String cause, int entries) {
      logged.add("invalidation " + method);
    }
  };

  @Test
  void eachEventIsRecordedWithItsFieldsAndStillLogged(@TempDir Path dir) throws Exception {
    EventSink sink = JfrEventSink.around(log);
    Path file = dir.resolve("events.jfr");
    try (Recording recording = new Recording()) {
      for (String name : List.of("Mutation", "Invalidation", "VerifyDifference", "Request")) {
        recording.enable("io.memoguard." + name);
      }
      recording.start();
      sink.mutation("a.Mortgage.rate", "a.Web.put(Web.java:12)", "a.Web.handle", "a.Repo.get", 2,
          EventSink.INVALIDATED);
      sink.lateMutation("Mortgage.rates[1]", "a.Repo.list", "a.Repo.list", 3, EventSink.LOGGED);
      sink.invalidation("a.Repo.get", "jdbc-write", 4);
      sink.verifyDifference("a.Repo.find", "Mortgage.rate");
      sink.requestEnd(5, 2);
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    RecordedEvent barrier = only(events, "io.memoguard.Mutation", "barrier");
    assertThat(barrier.getString("field")).isEqualTo("a.Mortgage.rate");
    assertThat(barrier.getString("site")).isEqualTo("a.Web.put(Web.java:12)");
    assertThat(barrier.getString("via")).isEqualTo("a.Web.handle");
    assertThat(barrier.getString("methods")).isEqualTo("a.Repo.get");
    assertThat(barrier.getInt("callers")).isEqualTo(2);
    assertThat(barrier.getString("action")).isEqualTo("invalidated");
    RecordedEvent read = only(events, "io.memoguard.Mutation", "read");
    assertThat(read.getString("field")).isEqualTo("Mortgage.rates[1]");
    assertThat(read.getString("action")).isEqualTo("logged");
    RecordedEvent invalidation = only(events, "io.memoguard.Invalidation", null);
    assertThat(invalidation.getString("method")).isEqualTo("a.Repo.get");
    assertThat(invalidation.getString("cause")).isEqualTo("jdbc-write");
    assertThat(invalidation.getInt("entries")).isEqualTo(4);
    assertThat(only(events, "io.memoguard.VerifyDifference", null).getString("path"))
        .isEqualTo("Mortgage.rate");
    RecordedEvent request = only(events, "io.memoguard.Request", null);
    assertThat(request.getInt("hits")).isEqualTo(5);
    assertThat(request.getInt("misses")).isEqualTo(2);
    assertThat(request.getEventType().getCategoryNames()).containsExactly("memoguard");
    assertThat(logged).containsExactly("mutation a.Mortgage.rate", "late Mortgage.rates[1]",
        "invalidation a.Repo.get");
  }

  @Test
  void aDisabledEventIsNotRecordedAndTheLogStillGetsEverything(@TempDir Path dir)
      throws Exception {
    EventSink sink = JfrEventSink.around(log);
    Path file = dir.resolve("other.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("io.memoguard.Mutation");
      recording.disable("io.memoguard.Invalidation");
      recording.start();
      sink.invalidation("a.Repo.get", "rule", 1);
      sink.mutation("a.Mortgage.rate", "s", null, "a.Repo.get", 1, EventSink.INVALIDATED);
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    assertThat(events).noneMatch(e -> e.getEventType().getName().equals("io.memoguard.Invalidation"));
    assertThat(only(events, "io.memoguard.Mutation", "barrier").getString("via")).isNull();
    assertThat(logged).containsExactly("invalidation a.Repo.get", "mutation a.Mortgage.rate");
  }

  private static RecordedEvent only(List<RecordedEvent> events, String type, String detection) {
    List<RecordedEvent> matching = events.stream()
        .filter(e -> e.getEventType().getName().equals(type))
        .filter(e -> detection == null || detection.equals(e.getString("detection")))
        .toList();
    assertThat(matching).as(type).hasSize(1);
    return matching.get(0);
  }
}
