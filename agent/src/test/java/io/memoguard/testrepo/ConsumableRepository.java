package io.memoguard.testrepo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Scanner;
import java.util.StringTokenizer;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Methods whose results can be consumed once, most declared as Object or as an innocent type, so
 * that only the runtime value tells. Every result carries the call number.
 */
public class ConsumableRepository {
  private int calls;

  public InputStream loadBlob(String id) {
    calls++;
    return new ByteArrayInputStream((id + "#" + calls).getBytes(StandardCharsets.UTF_8));
  }

  public Object findStream(String k) {
    calls++;
    return Stream.of(k, "#" + calls);
  }

  public Object findIntStream(String k) {
    calls++;
    return IntStream.of(calls, calls);
  }

  /** A lambda Iterable capturing the stream: the stream is in a field of a hidden class. */
  public Iterable<String> findIterable(String k) {
    calls++;
    Stream<String> stream = Stream.of(k, "#" + calls);
    return stream::iterator;
  }

  /** An anonymous Iterable: the stream is a synthetic captured field. */
  public Iterable<String> findAnonymous(String k) {
    calls++;
    return Captures.anonymous(Stream.of(k, "#" + calls));
  }

  public Iterable<String> findInner(String k) {
    calls++;
    return Captures.inner(Stream.of(k, "#" + calls));
  }

  /** Only the test of the log line calls it: a notice is said once per method and JVM. */
  public Object findForNotice(String k) {
    calls++;
    return new StringReader(k + "#" + calls);
  }

  public Object findIterator(String k) {
    calls++;
    return List.of(k, "#" + calls).iterator();
  }

  public Object findEnumeration(String k) {
    calls++;
    return Collections.enumeration(List.of(k, "#" + calls));
  }

  public Object findTokens(String k) {
    calls++;
    return new StringTokenizer(k + " #" + calls);
  }

  public Object findSpliterator(String k) {
    calls++;
    return List.of(k, "#" + calls).spliterator();
  }

  public Object readText(String k) {
    calls++;
    return new StringReader(k + "#" + calls);
  }

  public Object findWriter(String k) {
    calls++;
    StringWriter w = new StringWriter();
    w.write(k + "#" + calls);
    return w;
  }

  public Object findBuffer(String k) {
    calls++;
    return ByteBuffer.wrap((k + "#" + calls).getBytes(StandardCharsets.UTF_8));
  }

  public Object findReadOnlyBuffer(String k) {
    calls++;
    return ByteBuffer.wrap((k + "#" + calls).getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
  }

  public Object findDirectBuffer(String k) {
    calls++;
    byte[] bytes = (k + "#" + calls).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  public Object findChannel(String k) {
    calls++;
    return Channels.newChannel(new ByteArrayInputStream((k + "#" + calls).getBytes(StandardCharsets.UTF_8)));
  }

  public Object findScanner(String k) {
    calls++;
    return new Scanner(k + " #" + calls);
  }

  public Object findMatcher(String k) {
    calls++;
    return Pattern.compile("\\w+").matcher(k + " #" + calls);
  }

  public Object findRandom(String k) {
    calls++;
    return new Random(calls);
  }

  public Object findFuture(String k) {
    calls++;
    return CompletableFuture.completedFuture(k + "#" + calls);
  }

  /** The stream is a value in a map: found by the walk, not by any declared type. */
  public Map<String, Object> findInMap(String k) {
    calls++;
    return Map.of("rows", Stream.of(k, "#" + calls));
  }

  public Object findCursor(String k) {
    calls++;
    return new Cursor(List.of(k, "#" + calls).iterator());
  }

  public Object findOwnIterator(String k) {
    calls++;
    return new Countdown(calls);
  }

  public Object findResource(String k) {
    calls++;
    return new Handle(k + "#" + calls);
  }

  public Object findTransientCursor(String k) {
    calls++;
    return new TransientCursor(List.of(k, "#" + calls).iterator());
  }

  /** A plain value: still memoized. */
  public Object findPlain(String k) {
    calls++;
    return List.of(k, "#" + calls);
  }

  /** An application Iterable whose cursor is a field. */
  public static final class Cursor implements Iterable<String> {
    private final Iterator<String> rows;

    public Cursor(Iterator<String> rows) {
      this.rows = rows;
    }

    @Override
    public Iterator<String> iterator() {
      return rows;
    }
  }

  /** An application iterator: its state is its own. */
  public static final class Countdown implements Iterator<Integer> {
    private int left;

    public Countdown(int from) {
      left = from;
    }

    @Override
    public boolean hasNext() {
      return left > 0;
    }

    @Override
    public Integer next() {
      return left--;
    }
  }

  /** An application resource. */
  public static final class Handle implements AutoCloseable {
    private final String name;
    private boolean closed;

    public Handle(String name) {
      this.name = name;
    }

    public String name() {
      return closed ? null : name;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A cursor in a transient field, which the walk does not follow. */
  public static final class TransientCursor implements Iterable<String> {
    private final transient Iterator<String> rows;

    public TransientCursor(Iterator<String> rows) {
      this.rows = rows;
    }

    @Override
    public Iterator<String> iterator() {
      return rows;
    }
  }
}
