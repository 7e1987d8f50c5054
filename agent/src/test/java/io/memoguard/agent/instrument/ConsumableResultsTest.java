package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.runtime.RequestScope;
import io.memoguard.testrepo.ConsumableRepository;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result that the first caller consumes (a cursor, a resource) or that stands for work done
 * again (a future, a generator) is recognized by its runtime graph, whatever the declared type,
 * and is never served twice: the second call runs the body and gets a fresh, whole value.
 */
class ConsumableResultsTest {
  private final RecordingSink sink = new RecordingSink();
  private Object repo;

  @BeforeEach
  void setUp() throws Exception {
    Class<?> woven = Weaver.weave(ConsumableRepository.class, sink, Weaver.rule(
        ConsumableRepository.class, AgentConfig.DEFAULT_READ_METHODS, 0));
    repo = woven.getConstructor().newInstance();
    assertThat(RequestScope.enter()).isTrue();
  }

  @AfterEach
  void tearDown() {
    RequestScope.exit();
    assertThat(sink.errors).isEmpty();
  }

  private Object call(String method) throws Exception {
    return repo.getClass().getMethod(method, String.class).invoke(repo, "k");
  }

  private int calls() throws Exception {
    Field field = repo.getClass().getDeclaredField("calls");
    field.setAccessible(true);
    return field.getInt(repo);
  }

  @ParameterizedTest
  @ValueSource(strings = {"loadBlob", "findStream", "findIntStream", "findIterable",
      "findAnonymous", "findInner", "findIterator", "findEnumeration", "findTokens", "findSpliterator",
      "readText", "findWriter", "findBuffer", "findReadOnlyBuffer", "findDirectBuffer",
      "findChannel", "findScanner", "findMatcher", "findRandom", "findFuture", "findInMap",
      "findCursor", "findOwnIterator", "findResource", "findTransientCursor"})
  void secondCallRunsTheBodyAndReturnsAFreshValue(String method) throws Exception {
    Object first = call(method);
    Object second = call(method);
    assertThat(second).isNotSameAs(first);
    assertThat(calls()).isEqualTo(2);
    assertThat(call(method)).isNotSameAs(second);
    assertThat(calls()).isEqualTo(3);
    assertThat(sink.notices).filteredOn(n -> n.contains(".ConsumableRepository." + method))
        .hasSizeLessThanOrEqualTo(1).allMatch(n -> n.contains("are not memoized"));
  }

  @Test
  void saidOnceNamingTheMethodAndTheKindNeverTheValue() throws Exception {
    call("findForNotice");
    call("findForNotice");
    call("findForNotice");
    assertThat(sink.notices).filteredOn(n -> n.contains(".ConsumableRepository.findForNotice"))
        .singleElement().satisfies(n -> assertThat(n).contains("are not memoized")
            .contains("java.io.StringReader").contains("java.lang.AutoCloseable")
            .doesNotContain("k#"));
  }

  @Test
  void aPlainValueIsStillMemoized() throws Exception {
    Object first = call("findPlain");
    assertThat(call("findPlain")).isSameAs(first);
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void aSecondInputStreamReadsTheWholeContent() throws Exception {
    try (InputStream first = (InputStream) call("loadBlob")) {
      assertThat(new String(first.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("k#1");
    }
    try (InputStream second = (InputStream) call("loadBlob")) {
      assertThat(new String(second.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("k#2");
    }
  }

  @Test
  void secondCursorsAreWhole() throws Exception {
    assertThat(((Stream<?>) call("findStream")).count()).isEqualTo(2);
    assertThat(((Stream<?>) call("findStream")).toArray()).containsExactly("k", "#2");
    drain((Iterable<?>) call("findIterable"));
    assertThat(drain((Iterable<?>) call("findIterable"))).containsExactly("k", "#4");
    drain((Iterable<?>) call("findAnonymous"));
    assertThat(drain((Iterable<?>) call("findAnonymous"))).containsExactly("k", "#6");
    drain((Iterable<?>) call("findCursor"));
    assertThat(drain((Iterable<?>) call("findCursor"))).containsExactly("k", "#8");
    ((Stream<?>) ((Map<?, ?>) call("findInMap")).get("rows")).count();
    assertThat(((Stream<?>) ((Map<?, ?>) call("findInMap")).get("rows")).toArray())
        .containsExactly("k", "#10");
    drain((Iterable<?>) call("findInner"));
    assertThat(drain((Iterable<?>) call("findInner"))).containsExactly("k", "#12");
  }

  @Test
  void secondBuffersReadersAndChannelsAreWhole() throws Exception {
    ByteBuffer first = (ByteBuffer) call("findReadOnlyBuffer");
    first.get(new byte[first.remaining()]);
    assertThat(((ByteBuffer) call("findReadOnlyBuffer")).remaining()).isEqualTo(3);
    Reader reader = (Reader) call("readText");
    reader.read(new char[16]);
    char[] chars = new char[16];
    int n = ((Reader) call("readText")).read(chars);
    assertThat(new String(chars, 0, n)).isEqualTo("k#4");
    ReadableByteChannel channel = (ReadableByteChannel) call("findChannel");
    channel.read(ByteBuffer.allocate(16));
    ByteBuffer into = ByteBuffer.allocate(16);
    assertThat(((ReadableByteChannel) call("findChannel")).read(into)).isEqualTo(3);
  }

  private static List<Object> drain(Iterable<?> iterable) {
    List<Object> out = new ArrayList<>();
    for (Iterator<?> it = iterable.iterator(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
