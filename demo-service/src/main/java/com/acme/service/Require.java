package com.acme.service;

import com.acme.domain.Mortgage;
import com.acme.domain.Tenant;

/** Turns the null a repository returns for a missing row into a {@link NotFoundException}. */
final class Require {
  private Require() {}

  static Mortgage mortgage(Mortgage mortgage, String tenant, long id) {
    if (mortgage == null) {
      throw new NotFoundException("mortgage " + id + " of tenant " + tenant + " not found");
    }
    return mortgage;
  }

  static Tenant tenant(Tenant tenant, String id) {
    if (tenant == null) {
      throw new NotFoundException("tenant " + id + " not found");
    }
    return tenant;
  }
}
