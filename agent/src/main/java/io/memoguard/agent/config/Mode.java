package io.memoguard.agent.config;

/**
 * {@code mode}, global and per memoize rule: {@code memoize} serves repeated calls from the memo
 * table; {@code verify} runs every call and compares would-be hits with the memoized value.
 */
public enum Mode {
  MEMOIZE,
  VERIFY
}
