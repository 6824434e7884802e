package com.gymops.adapter.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with {@link PersonalDataMask} applied: {@code logback.xml} uses it for
 * every line GymOps and its libraries log.
 */
public final class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return PersonalDataMask.apply(super.convert(event));
  }
}
