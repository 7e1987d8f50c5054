package com.acme.repo;

import com.acme.db.Db;
import com.acme.domain.Mortgage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

public class MortgageRepository {
  private final Db db;
  private final RequestCache cache;

  public MortgageRepository(Db db, RequestCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /**
   * Loads the mortgage with its product, investor and tags in one statement. Returns null when the
   * tenant has no mortgage with that id, so a mortgage of another tenant is never visible.
   */
  public Mortgage getMortgage(String tenant, long id) {
    return cache.get(() -> load(tenant, id), "MortgageRepository.getMortgage", tenant, id);
  }

  /** Writes the mortgage's own columns; the product is reference data and is not written. */
  public void save(Mortgage mortgage) {
    int updated = db.update(
        "UPDATE mortgage SET borrower = ?, principal = ?, rate = ?, term_months = ?, version = ?,"
            + " start_date = ?, product_id = ? WHERE tenant_id = ? AND id = ?",
        mortgage.getBorrower(),
        mortgage.getPrincipal(),
        mortgage.getRate(),
        mortgage.getTermMonths(),
        mortgage.getVersion(),
        toLocalDate(mortgage.getStartDate()),
        mortgage.getProduct().getId(),
        mortgage.getTenantId(),
        mortgage.getId());
    if (updated != 1) {
      throw new IllegalStateException(
          "mortgage " + mortgage.getId() + " of tenant " + mortgage.getTenantId() + " is gone");
    }
  }

  private Mortgage load(String tenant, long id) {
    return db.queryOne(
        "SELECT m.id, m.tenant_id, m.borrower, m.principal, m.rate, m.term_months, m.version,"
            + " m.start_date, " + ProductRows.COLUMNS
            + " FROM mortgage m JOIN product p ON p.id = m.product_id " + ProductRows.JOIN_INVESTOR
            + " WHERE m.tenant_id = ? AND m.id = ?",
        MortgageRepository::map,
        tenant,
        id);
  }

  private static Mortgage map(ResultSet row) throws SQLException {
    Mortgage mortgage = new Mortgage();
    mortgage.setId(row.getLong("id"));
    mortgage.setTenantId(row.getString("tenant_id"));
    mortgage.setBorrower(row.getString("borrower"));
    mortgage.setPrincipal(row.getBigDecimal("principal"));
    mortgage.setRate(row.getDouble("rate"));
    mortgage.setTermMonths(row.getInt("term_months"));
    mortgage.setVersion(row.getLong("version"));
    mortgage.setStartDate(toDate(row.getObject("start_date", LocalDate.class)));
    mortgage.setProduct(ProductRows.map(row));
    return mortgage;
  }

  // A start date is a calendar day; it travels as midnight UTC so no time zone can shift it
  private static Date toDate(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static LocalDate toLocalDate(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }
}
