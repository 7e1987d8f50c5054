package io.memoguard.corpus;

import io.memoguard.runtime.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the runtime reported. */
final class CorpusSink implements EventSink {
  record Mutation(String field, String site, String via, String entries, int callers, String action) {}

  record Late(String path, String entry, String detectedAt, int callers, String action) {}

  final List<Mutation> mutations = new CopyOnWriteArrayList<>();
  final List<Late> late = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();

  @Override
  public void mutation(String field, String site, String via, String entries, int callers,
      String action) {
    mutations.add(new Mutation(field, site, via, entries, callers, action));
  }

  @Override
  public void lateMutation(String path, String entry, String detectedAt, int callers, String action) {
    late.add(new Late(path, entry, detectedAt, callers, action));
  }

  @Override
  public void notice(String message) {
    notices.add(message);
  }

  @Override
  public void internalError(String where, Throwable error) {
    errors.add(where + ": " + error);
  }
}
