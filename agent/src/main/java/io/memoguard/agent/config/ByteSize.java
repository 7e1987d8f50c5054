package io.memoguard.agent.config;

import java.util.Locale;

/** A memory size in the configuration: bytes, with k/m/g, or a percentage of the maximum heap. */
final class ByteSize {
  private ByteSize() {}

  /** The size in bytes, or null with the text not understood. */
  static Long parse(String text, long maxHeap) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return null;
    }
    char last = t.charAt(t.length() - 1);
    String digits = Character.isDigit(last) ? t : t.substring(0, t.length() - 1).trim();
    if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long n = Long.parseLong(digits);
    switch (last) {
      case 'k': return n << 10;
      case 'm': return n << 20;
      case 'g': return n << 30;
      case '%': return n > 100 ? null : (long) (maxHeap * (n / 100.0));
      default: return Character.isDigit(last) ? n : null;
    }
  }
}
