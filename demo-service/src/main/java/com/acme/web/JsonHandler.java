package com.acme.web;

import com.acme.service.NotFoundException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of the endpoint handlers: one HTTP method and path pattern each. It runs the request in a
 * fresh {@link RequestScope}, maps failures to status codes and reports the statement count.
 */
public abstract class JsonHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(JsonHandler.class.getName());

  private final String method;
  private final Pattern path;
  private final RequestScope scope;

  /** {@code path} is a regular expression whose named groups become path parameters. */
  protected JsonHandler(String method, String path, RequestScope scope) {
    this.method = method;
    this.path = Pattern.compile(path);
    this.scope = scope;
  }

  /** Returns the body of the 200 response. */
  protected abstract String respond(Request request);

  final String method() {
    return method;
  }

  final boolean matches(String requestPath) {
    return path.matcher(requestPath).matches();
  }

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    scope.begin();
    try {
      JsonResponse response = respondOrFail(exchange);
      response.send(exchange, scope.statements());
    } finally {
      scope.end();
      exchange.close();
    }
  }

  private JsonResponse respondOrFail(HttpExchange exchange) {
    Matcher matcher = path.matcher(exchange.getRequestURI().getPath());
    if (!matcher.matches()) {
      return JsonResponse.error(404, "no such resource");
    }
    try {
      return JsonResponse.ok(respond(new Request(matcher, exchange.getRequestURI())));
    } catch (NotFoundException e) {
      return JsonResponse.error(404, e.getMessage());
    } catch (IllegalArgumentException e) {
      return JsonResponse.error(400, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "request failed: " + exchange.getRequestURI(), e);
      return JsonResponse.error(500, "internal error");
    }
  }
}
