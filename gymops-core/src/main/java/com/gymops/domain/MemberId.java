package com.gymops.domain;

/** The club system's identifier of a member, as imported; unique across clubs. */
public record MemberId(String value) {
  public MemberId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("member id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
