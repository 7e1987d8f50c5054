package com.acme.service;

import com.acme.domain.Investor;
import com.acme.repo.MortgageRepository;

public class InvestorService {
  private final MortgageRepository mortgages;

  public InvestorService(MortgageRepository mortgages) {
    this.mortgages = mortgages;
  }

  /** The investor funding the mortgage's product. */
  public Investor investorOf(String tenant, long id) {
    return Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id)
        .getProduct()
        .getInvestor();
  }
}
