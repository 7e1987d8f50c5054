package io.memoguard.agent.instrument;

import io.memoguard.agent.config.OnMutation;
import io.memoguard.runtime.Settings;

/** The one translation of the configured {@code on-mutation} into the runtime's mode constant. */
public final class MutationModes {
  private MutationModes() {}

  /** The runtime constant for {@code onMutation}, which must not be null. */
  public static int of(OnMutation onMutation) {
    switch (onMutation) {
      case LOG:
        return Settings.LOG;
      case FAIL:
        return Settings.FAIL;
      case INVALIDATE:
      default:
        return Settings.INVALIDATE;
    }
  }
}
