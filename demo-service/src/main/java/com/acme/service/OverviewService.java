package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.repo.MortgageRepository;

/** The overview page: a public summary next to the confidential investor report. */
public class OverviewService {
  private final MortgageRepository mortgages;
  private final DisclosureService disclosure;
  private final InvestorReportService investorReports;

  public OverviewService(
      MortgageRepository mortgages, DisclosureService disclosure,
      InvestorReportService investorReports) {
    this.mortgages = mortgages;
    this.disclosure = disclosure;
    this.investorReports = investorReports;
  }

  public Overview overview(String tenant, long id) {
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    PublicSummary summary = disclosure.publicSummary(tenant, id);
    InvestorReport report = investorReports.report(tenant, id);
    return new Overview(mortgage.getId(), mortgage.getProduct().getName(), summary, report);
  }
}
