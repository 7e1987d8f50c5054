package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.Memoizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cached value reaching objects of an application class outside guard.packages: their writes are
 * found at the next hit only, and the agent says so once per class.
 */
class UnguardedClassNoticeTest extends BarrierTestSupport {
  /** Mutable and in no guarded package. */
  static final class Basket {
    String owner = "ann";
    List<Item> items = List.of(new Item());
  }

  static final class Item {
    int quantity = 1;
  }

  /** Immutable: nothing to check, nothing to say. */
  static final class Sku {
    final String code = "x";
  }

  @Test
  void noticeOncePerUnguardedClassWhenItsObjectsAreCached() {
    store("test.BasketRepository|find|(Ljava/lang/String;)Ljava/lang/Object;", "a", new Basket());
    store("test.BasketRepository|find|(Ljava/lang/String;)Ljava/lang/Object;", "b", new Basket());
    store("test.SkuRepository|find|(Ljava/lang/String;)Ljava/lang/Object;", "c", new Sku());

    assertThat(sink.notices).containsExactlyInAnyOrder(
        "class " + Basket.class.getName() + " is not guarded, checked on read (add its package to"
            + " guard.packages for write barriers)",
        "class " + Item.class.getName() + " is not guarded, checked on read (add its package to"
            + " guard.packages for write barriers)");
  }

  private void store(String site, String arg, Object value) {
    Object key = Calls.key(site, this, new Object[] {arg});
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
  }
}
