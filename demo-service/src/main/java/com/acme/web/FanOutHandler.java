package com.acme.web;

import com.acme.service.FanOutService;
import com.acme.service.FanOutService.FanOut;
import java.util.Locale;

/**
 * {@code GET /tenants/{tenant}/mortgages/{id}/fan-out/{pool|async|forkjoin|virtual}}: four tasks
 * on other threads load the tenant and the mortgage the request itself loaded first.
 */
public class FanOutHandler extends JsonHandler {
  static final int TASKS = 4;
  private final FanOutService fanOut;

  public FanOutHandler(FanOutService fanOut, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)/fan-out/"
        + "(?<via>pool|async|forkjoin|virtual)", scope);
    this.fanOut = fanOut;
  }

  @Override
  protected String respond(Request request) {
    FanOutService.Via via =
        FanOutService.Via.valueOf(request.pathParam("via").toUpperCase(Locale.ROOT));
    FanOut result = fanOut.load(request.pathParam("tenant"), request.longPathParam("id"), via, TASKS);
    return new JsonObject()
        .put("tenant", result.tenantName())
        .put("borrower", result.borrower())
        .put("principal", result.principal())
        .put("tasks", result.tasks())
        .toString();
  }
}
