package dev.followthrough.lifecycle;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the engine sees it. Timers, facts and follow-up dates all read this one clock, so a
 * test that moves the engine's clock moves the whole lifecycle with it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
