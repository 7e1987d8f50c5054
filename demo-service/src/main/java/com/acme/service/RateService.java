package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.repo.MortgageRepository;

public class RateService {
  private final MortgageRepository mortgages;

  public RateService(MortgageRepository mortgages) {
    this.mortgages = mortgages;
  }

  /** Sets a new interest rate (percent per year) and returns the mortgage as stored. */
  public Mortgage changeRate(String tenant, long id, double rate) {
    if (!(rate >= 0 && rate < 100)) {
      throw new IllegalArgumentException("rate must be a percentage in [0, 100): " + rate);
    }
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    mortgage.setRate(rate);
    mortgage.setVersion(mortgage.getVersion() + 1);
    mortgages.save(mortgage);
    // read back rather than return our copy, so the caller sees exactly what was stored
    return Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
  }
}
