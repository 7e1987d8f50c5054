package com.acme.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.db.Db;
import com.acme.domain.Mortgage;
import com.acme.domain.Product;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each read must cost exactly one statement, or the X-Db-Queries counts would not add up. */
class RepositoryTest {
  private JdbcConnectionPool pool;
  private Db db;

  @BeforeEach
  void seed() {
    pool = JdbcConnectionPool.create(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    db = new Db(pool);
    db.update("RUNSCRIPT FROM 'classpath:/com/acme/demo/demo-data.sql'");
    db.resetStatementCount();
  }

  @AfterEach
  void close() {
    db.resetStatementCount();
    pool.dispose();
  }

  @Test
  void mortgageLoadsWithProductInvestorAndTagsInOneStatement() {
    MortgageRepository mortgages = new MortgageRepository(db, RequestCache.disabled());

    Mortgage mortgage = mortgages.getMortgage("acme", 1);

    assertThat(db.statementCount()).isEqualTo(1);
    assertThat(mortgage.getBorrower()).isEqualTo("Alice Martin");
    assertThat(mortgage.getProduct().getName()).isEqualTo("Fixed 10y");
    assertThat(mortgage.getProduct().getTags()).containsExactly("fixed", "long-term");
    assertThat(mortgage.getProduct().getInvestor().getName()).isEqualTo("Northwind Capital");
  }

  @Test
  void everyReadBuildsNewObjects() {
    MortgageRepository mortgages = new MortgageRepository(db, RequestCache.disabled());
    ProductRepository products = new ProductRepository(db, RequestCache.disabled());
    TenantRepository tenants = new TenantRepository(db, RequestCache.disabled());

    assertThat(mortgages.getMortgage("acme", 1)).isNotSameAs(mortgages.getMortgage("acme", 1));
    assertThat(products.getProduct(3)).isNotSameAs(products.getProduct(3));
    assertThat(products.listProducts("acme")).isNotSameAs(products.listProducts("acme"));
    assertThat(tenants.getTenant("acme")).isNotSameAs(tenants.getTenant("acme"));
    assertThat(db.statementCount()).isEqualTo(8);
  }

  @Test
  void missingRowsAreNull() {
    assertThat(new MortgageRepository(db, RequestCache.disabled()).getMortgage("globex", 1))
        .isNull();
    assertThat(new ProductRepository(db, RequestCache.disabled()).getProduct(99)).isNull();
    assertThat(new TenantRepository(db, RequestCache.disabled()).getTenant("initech")).isNull();
  }

  @Test
  void productListIsTheTenantsProductsInIdOrder() {
    List<Product> products =
        new ProductRepository(db, RequestCache.disabled()).listProducts("globex");

    assertThat(products).extracting(Product::getId).containsExactly(5L, 6L);
    assertThat(products.get(0).getInvestor().getName()).isEqualTo("Pacific Annuity Partners");
  }

  @Test
  void naiveCacheHandsOutTheSameInstanceUntilCleared() {
    RequestCache cache = RequestCache.naive();
    MortgageRepository mortgages = new MortgageRepository(db, cache);

    Mortgage first = mortgages.getMortgage("acme", 1);
    assertThat(mortgages.getMortgage("acme", 1)).isSameAs(first);
    assertThat(mortgages.getMortgage("acme", 2)).isNotSameAs(first);
    assertThat(db.statementCount()).isEqualTo(2);

    cache.clear();
    assertThat(mortgages.getMortgage("acme", 1)).isNotSameAs(first);
  }

  @Test
  void saveWritesTheMortgageInOneStatement() {
    MortgageRepository mortgages = new MortgageRepository(db, RequestCache.disabled());
    Mortgage mortgage = mortgages.getMortgage("acme", 2);
    mortgage.setRate(4.2);
    mortgage.setVersion(2);
    db.resetStatementCount();

    mortgages.save(mortgage);

    assertThat(db.statementCount()).isEqualTo(1);
    Mortgage stored = mortgages.getMortgage("acme", 2);
    assertThat(stored.getRate()).isEqualTo(4.2);
    assertThat(stored.getVersion()).isEqualTo(2);
    assertThat(stored.getStartDate()).isEqualTo(mortgage.getStartDate());
  }
}
