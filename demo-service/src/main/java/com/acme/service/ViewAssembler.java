package com.acme.service;

import com.acme.domain.Investor;
import com.acme.domain.Mortgage;
import com.acme.domain.Tenant;
import com.acme.repo.MortgageRepository;
import com.acme.repo.TenantRepository;
import java.math.BigDecimal;

/** Combines what the other services computed with the mortgage and tenant into the page model. */
public class ViewAssembler {
  private final TenantRepository tenants;
  private final MortgageRepository mortgages;

  public ViewAssembler(TenantRepository tenants, MortgageRepository mortgages) {
    this.tenants = tenants;
    this.mortgages = mortgages;
  }

  public MortgageView assemble(
      String tenantId, long id, BigDecimal monthlyPayment, RiskBand risk, Investor investor) {
    Mortgage mortgage = Require.mortgage(mortgages.getMortgage(tenantId, id), tenantId, id);
    Tenant tenant = Require.tenant(tenants.getTenant(tenantId), tenantId);
    return new MortgageView(
        mortgage.getId(),
        tenant.getName(),
        mortgage.getBorrower(),
        mortgage.getPrincipal(),
        mortgage.getRate(),
        mortgage.getTermMonths(),
        mortgage.getVersion(),
        mortgage.getStartDate(),
        monthlyPayment,
        risk,
        mortgage.getProduct().getName(),
        investor == null ? null : investor.getName());
  }
}
