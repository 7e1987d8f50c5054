package com.acme.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** What a handler needs of an HTTP request: the named groups of its path and the query. */
public final class Request {
  private final Matcher path;
  private final Map<String, String> query;

  Request(Matcher path, URI uri) {
    this.path = path;
    this.query = parseQuery(uri.getRawQuery());
  }

  public String pathParam(String name) {
    return path.group(name);
  }

  public long longPathParam(String name) {
    return Long.parseLong(path.group(name));
  }

  /** Throws IllegalArgumentException (a 400) when the parameter is missing or not a number. */
  public double doubleQueryParam(String name) {
    String value = query.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing query parameter " + name);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("query parameter " + name + " is not a number: " + value);
    }
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(name), decode(value));
    }
    return params;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
