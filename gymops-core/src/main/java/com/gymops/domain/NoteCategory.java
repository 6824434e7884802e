package com.gymops.domain;

/** The desk a note belongs to. */
public enum NoteCategory {
  BILLING,
  SERVICE,
  MARKETING,
  GENERAL
}
