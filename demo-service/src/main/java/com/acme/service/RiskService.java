package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.repo.MortgageRepository;
import java.math.BigDecimal;

public class RiskService {
  private static final BigDecimal LARGE_LOAN = new BigDecimal("400000");
  private static final int LONG_TERM_MONTHS = 300;

  private final AccessService access;
  private final MortgageRepository mortgages;

  public RiskService(AccessService access, MortgageRepository mortgages) {
    this.access = access;
    this.mortgages = mortgages;
  }

  public RiskBand assess(String tenant, long id) {
    // risk data is restricted, so this service enforces access itself instead of trusting callers
    access.verify(tenant, id);
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    if (mortgage.getPrincipal().compareTo(LARGE_LOAN) >= 0) {
      return RiskBand.HIGH;
    }
    return mortgage.getTermMonths() > LONG_TERM_MONTHS ? RiskBand.MEDIUM : RiskBand.LOW;
  }
}
