package com.acme.admin;

import com.acme.domain.Mortgage;
import com.acme.repo.MortgageRepository;
import com.acme.service.NotFoundException;

/**
 * Reads a mortgage through the (memoized) repository, changes its rate through the back-office
 * DAO, and reads it again in the same request: the second read must see the new rate.
 */
public class RateAdjustmentService {
  private final MortgageRepository mortgages;
  private final RateAdjustmentDao dao;

  public RateAdjustmentService(MortgageRepository mortgages, RateAdjustmentDao dao) {
    this.mortgages = mortgages;
    this.dao = dao;
  }

  /** The rate before the change and the mortgage as read back after it. */
  public record Adjustment(double before, Mortgage after) {}

  public Adjustment adjust(String tenant, long id, double rate) {
    if (!(rate >= 0 && rate < 100)) {
      throw new IllegalArgumentException("rate must be a percentage in [0, 100): " + rate);
    }
    double before = existing(tenant, id).getRate();
    dao.adjustRate(tenant, id, rate);
    return new Adjustment(before, existing(tenant, id));
  }

  private Mortgage existing(String tenant, long id) {
    Mortgage mortgage = mortgages.getMortgage(tenant, id);
    if (mortgage == null) {
      throw new NotFoundException("mortgage " + id + " of tenant " + tenant + " not found");
    }
    return mortgage;
  }
}
