package com.acme.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;

/**
 * Dispatches by method and path pattern. The JDK server only routes by path prefix, which cannot
 * tell {@code /tenants/acme/mortgages/1} from {@code /tenants/acme/mortgages/1/overview}.
 */
public final class Router implements HttpHandler {
  private final List<JsonHandler> handlers;

  public Router(List<JsonHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    boolean pathKnown = false;
    for (JsonHandler handler : handlers) {
      if (handler.matches(path)) {
        if (handler.method().equals(method)) {
          handler.handle(exchange);
          return;
        }
        pathKnown = true;
      }
    }
    try {
      JsonResponse.error(pathKnown ? 405 : 404, method + " " + path + " is not supported")
          .send(exchange, 0);
    } finally {
      exchange.close();
    }
  }
}
