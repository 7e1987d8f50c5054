package com.acme.service;

/** The tenant or mortgage a request names does not exist (or is not the tenant's): a 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
