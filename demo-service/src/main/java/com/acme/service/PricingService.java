package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.repo.MortgageRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;

public class PricingService {
  private final MortgageRepository mortgages;

  public PricingService(MortgageRepository mortgages) {
    this.mortgages = mortgages;
  }

  /** The fixed monthly instalment that repays the mortgage over its term (annuity). */
  public BigDecimal monthlyPayment(String tenant, long id) {
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    double principal = mortgage.getPrincipal().doubleValue();
    int months = mortgage.getTermMonths();
    double monthlyRate = mortgage.getRate() / 100 / 12;
    double payment = monthlyRate == 0
        ? principal / months
        : principal * monthlyRate / (1 - Math.pow(1 + monthlyRate, -months));
    return BigDecimal.valueOf(payment).setScale(2, RoundingMode.HALF_UP);
  }
}
