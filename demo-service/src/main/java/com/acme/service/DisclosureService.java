package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.domain.Product;
import com.acme.repo.MortgageRepository;

public class DisclosureService {
  private final MortgageRepository mortgages;

  public DisclosureService(MortgageRepository mortgages) {
    this.mortgages = mortgages;
  }

  public PublicSummary publicSummary(String tenant, long id) {
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    Product product = mortgage.getProduct();
    // The summary renders the whole product, and who funds it is confidential. Clearing the field
    // is harmless as long as this object is our own copy; a shared per-request cache breaks that.
    product.setInvestor(null);
    return new PublicSummary(product, mortgage.getRate(), mortgage.getTermMonths());
  }
}
