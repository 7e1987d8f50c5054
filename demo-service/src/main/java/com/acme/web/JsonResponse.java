package com.acme.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

record JsonResponse(int status, String body) {
  static JsonResponse ok(String body) {
    return new JsonResponse(200, body);
  }

  static JsonResponse error(int status, String message) {
    return new JsonResponse(status, new JsonObject().put("error", message).toString());
  }

  /** {@code statements} becomes the X-Db-Queries header: the SQL statements the request cost. */
  void send(HttpExchange exchange, int statements) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Db-Queries", Integer.toString(statements));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
