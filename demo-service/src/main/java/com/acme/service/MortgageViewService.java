package com.acme.service;

import com.acme.domain.Investor;
import java.math.BigDecimal;

/**
 * Builds the mortgage page. Each collaborator loads the mortgage (and tenant) by id itself, as
 * layered code tends to: one page costs 6 mortgage and 3 tenant reads of the very same rows.
 */
public class MortgageViewService {
  private final AccessService access;
  private final PricingService pricing;
  private final RiskService risk;
  private final InvestorService investors;
  private final ViewAssembler assembler;

  public MortgageViewService(
      AccessService access, PricingService pricing, RiskService risk, InvestorService investors,
      ViewAssembler assembler) {
    this.access = access;
    this.pricing = pricing;
    this.risk = risk;
    this.investors = investors;
    this.assembler = assembler;
  }

  public MortgageView view(String tenant, long id) {
    access.verify(tenant, id);
    BigDecimal payment = pricing.monthlyPayment(tenant, id);
    RiskBand band = risk.assess(tenant, id);
    Investor investor = investors.investorOf(tenant, id);
    return assembler.assemble(tenant, id, payment, band, investor);
  }
}
