package com.acme.service;

import com.acme.repo.MortgageRepository;
import com.acme.repo.TenantRepository;

/** Decides whether a tenant may see a mortgage: the tenant must exist and own the mortgage. */
public class AccessService {
  private final TenantRepository tenants;
  private final MortgageRepository mortgages;

  public AccessService(TenantRepository tenants, MortgageRepository mortgages) {
    this.tenants = tenants;
    this.mortgages = mortgages;
  }

  public void verify(String tenant, long id) {
    Require.tenant(tenants.getTenant(tenant), tenant);
    // the repository only finds mortgages of the given tenant, so finding it proves ownership
    Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
  }
}
