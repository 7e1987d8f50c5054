package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Stats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC write safety net on a real driver (H2), woven in process the way the agent weaves it:
 * statements that may write drop the request's entries, queries do not.
 */
class JdbcWriteAdviceTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final RecordingSink sink = new RecordingSink();
  private PlannerClassLoader loader;
  private Connection connection;
  private Object repo;
  private boolean inRequest;

  @BeforeEach
  void setUp() throws Exception {
    setUp(true);
  }

  private void setUp(boolean clearOnWrite) throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    Settings.configureModes(Mode.MEMOIZE, clearOnWrite);
    MemoRule rule = new MemoRule(new Selector(Selector.Kind.CLASS, "io.memoguard.testrepo.JdbcRepo", 1),
        AgentConfig.DEFAULT_READ_METHODS);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rule), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, Mode.MEMOIZE, clearOnWrite);
    loader = new PlannerClassLoader(config, List.of("org.h2", "io.memoguard.testrepo"));
    Driver driver = (Driver) loader.loadClass("org.h2.Driver").getConstructor().newInstance();
    connection = driver.connect("jdbc:h2:mem:jdbcwrites" + DATABASES.incrementAndGet(), new Properties());
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("create table counter(name varchar(20) primary key, v int)");
      s.executeUpdate("insert into counter values ('a', 0)");
    }
    repo = loader.loadClass("io.memoguard.testrepo.JdbcRepo").getConstructor(Connection.class)
        .newInstance(connection);
    inRequest = RequestScope.enter();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (inRequest) {
      RequestScope.exit();
      inRequest = false;
    }
    connection.close();
    Settings.configureModes(Mode.MEMOIZE, true);
    assertThat(loader.errors).isEmpty();
    assertThat(sink.errors).isEmpty();
  }

  private Object call(String method) throws Exception {
    try {
      return repo.getClass().getMethod(method, String.class).invoke(repo, "a");
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private int bodyRuns() throws Exception {
    return repo.getClass().getField("bodyRuns").getInt(repo);
  }

  @Test
  void theDriverStatementClassesAreWoven() throws Exception {
    connection.prepareStatement("select 1").close();
    assertThat(loader.transformed).contains("org.h2.jdbc.JdbcStatement",
        "org.h2.jdbc.JdbcPreparedStatement");
  }

  @Test
  void executeUpdateClearsTheRequestsEntries() throws Exception {
    assertThat(call("findValue")).isEqualTo(0);
    assertThat(call("findValue")).isEqualTo(0);
    assertThat(bodyRuns()).isEqualTo(1);
    long writes = Stats.jdbcWrites();
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("update counter set v = 5");
    }
    assertThat(call("findValue")).isEqualTo(5);
    assertThat(bodyRuns()).isEqualTo(2);
    assertThat(Stats.jdbcWrites()).isEqualTo(writes + 1);
    assertThat(sink.jdbcWrites).containsExactly("org.h2.jdbc.JdbcStatement.executeUpdate cleared 1");
  }

  @Test
  void preparedExecuteUpdateClears() throws Exception {
    call("findValue");
    try (PreparedStatement s = connection.prepareStatement("update counter set v = ?")) {
      s.setInt(1, 7);
      s.executeUpdate();
    }
    assertThat(call("findValue")).isEqualTo(7);
    assertThat(sink.jdbcWrites).containsExactly(
        "org.h2.jdbc.JdbcPreparedStatement.executeUpdate cleared 1");
  }

  @Test
  void executeBatchClears() throws Exception {
    call("findValue");
    try (Statement s = connection.createStatement()) {
      s.addBatch("update counter set v = 3");
      s.addBatch("update counter set v = v + 1");
      s.executeBatch();
    }
    assertThat(call("findValue")).isEqualTo(4);
    assertThat(bodyRuns()).isEqualTo(2);
  }

  @Test
  void executeOfANonSelectClears() throws Exception {
    call("findValue");
    try (Statement s = connection.createStatement()) {
      assertThat(s.execute("update counter set v = 9")).isFalse();
    }
    assertThat(call("findValue")).isEqualTo(9);
    assertThat(sink.jdbcWrites).containsExactly("org.h2.jdbc.JdbcStatement.execute cleared 1");
  }

  @Test
  void queriesDoNotClear() throws Exception {
    call("findValue");
    try (Statement s = connection.createStatement()) {
      s.executeQuery("select * from counter").close();
      assertThat(s.execute("select v from counter")).isTrue();
    }
    try (PreparedStatement s = connection.prepareStatement("select v from counter")) {
      assertThat(s.execute()).isTrue();
    }
    call("findValue");
    assertThat(bodyRuns()).isEqualTo(1);
    assertThat(sink.jdbcWrites).isEmpty();
  }

  @Test
  void aFailedWriteClearsToo() throws Exception {
    call("findValue");
    try (Statement s = connection.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("update no_such_table set v = 1"))
          .isInstanceOf(SQLException.class);
    }
    call("findValue");
    assertThat(bodyRuns()).isEqualTo(2);
  }

  @Test
  void aMemoizedMethodThatWritesDoesNotStoreTheResultItReadBeforeItsWrite() throws Exception {
    // without the agent: 0 (the counter becomes 1), then 1
    assertThat(call("loadAndBump")).isEqualTo(0);
    assertThat(call("loadAndBump")).isEqualTo(1);
    assertThat(call("findValue")).isEqualTo(2);
  }

  @Test
  void writesOutsideARequestAreIgnored() throws Exception {
    RequestScope.exit();
    inRequest = false;
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("update counter set v = 1");
    }
    assertThat(sink.jdbcWrites).isEmpty();
  }

  @Test
  void switchedOffTheEntriesStay() throws Exception {
    tearDown();
    setUp(false);
    call("findValue");
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("update counter set v = 5");
    }
    // stale, as configured: this is what the safety net prevents
    assertThat(call("findValue")).isEqualTo(0);
    assertThat(loader.transformed).doesNotContain("org.h2.jdbc.JdbcStatement");
  }
}
