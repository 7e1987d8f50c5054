package com.acme.web;

import java.math.BigDecimal;
import java.util.List;

/** Writes one JSON object, fields in the order they are put. */
final class JsonObject {
  private final StringBuilder json = new StringBuilder("{");

  JsonObject put(String name, String value) {
    return putRaw(name, value == null ? "null" : quote(value));
  }

  JsonObject put(String name, long value) {
    return putRaw(name, Long.toString(value));
  }

  JsonObject put(String name, double value) {
    return putRaw(name, Double.toString(value));
  }

  JsonObject put(String name, BigDecimal value) {
    return putRaw(name, value == null ? "null" : value.toPlainString());
  }

  JsonObject put(String name, JsonObject value) {
    return putRaw(name, value.toString());
  }

  JsonObject putStrings(String name, List<String> values) {
    return putRaw(name, array(values.stream().map(JsonObject::quote).toList()));
  }

  /** {@code value} must already be JSON. */
  JsonObject putRaw(String name, String value) {
    if (json.length() > 1) {
      json.append(',');
    }
    json.append(quote(name)).append(':').append(value);
    return this;
  }

  static String array(List<String> jsonElements) {
    return "[" + String.join(",", jsonElements) + "]";
  }

  @Override
  public String toString() {
    return json + "}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
