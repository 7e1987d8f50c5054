package com.acme.web;

public class HealthHandler extends JsonHandler {
  public HealthHandler(RequestScope scope) {
    super("GET", "/health", scope);
  }

  @Override
  protected String respond(Request request) {
    return new JsonObject().put("status", "ok").toString();
  }
}
