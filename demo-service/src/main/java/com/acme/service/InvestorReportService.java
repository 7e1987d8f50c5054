package com.acme.service;

import com.acme.domain.Investor;
import com.acme.repo.MortgageRepository;

public class InvestorReportService {
  private final MortgageRepository mortgages;

  public InvestorReportService(MortgageRepository mortgages) {
    this.mortgages = mortgages;
  }

  public InvestorReport report(String tenant, long id) {
    Investor investor = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id)
        .getProduct()
        .getInvestor();
    return investor == null
        ? new InvestorReport(null, null)
        : new InvestorReport(investor.getName(), investor.getCountry());
  }
}
