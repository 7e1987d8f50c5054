package io.memoguard.agent.report;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * {@code log.format: json}: one JSON object per line with ECS-style keys ({@code @timestamp},
 * {@code log.level}, {@code log.logger}, {@code message}) and the event's own fields under
 * {@code memoguard.}. Every string passed {@link AgentLog#clean} before it got here; escaping
 * here only keeps the JSON valid.
 */
final class JsonLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"@timestamp\":\"").append(Instant.ofEpochMilli(event.getTimeStamp()))
        .append("\",\"log.level\":\"").append(event.getLevel())
        .append("\",\"log.logger\":\"memoguard\",\"message\":");
    string(out, event.getFormattedMessage());
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        out.append(',');
        string(out, "memoguard." + pair.key);
        out.append(':');
        if (pair.value instanceof Long || pair.value instanceof Integer) {
          out.append(pair.value);
        } else {
          string(out, String.valueOf(pair.value));
        }
      }
    }
    return out.append("}\n").toString();
  }

  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
