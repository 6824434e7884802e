package com.gymops.domain;

/** What GymOps reads in a member's text. */
public enum InboundMeaning {
  /** A clear revocation of consent: no text of any kind any more. */
  OPT_OUT,
  /** YES, START, UNSTOP and their equivalents: texts may resume. */
  OPT_IN,
  HELP,
  /**
   * A revocation mixed with other words ("stop sending me bills, I paid"): the member is opted out
   * of the kind of message they answered, and a manager reads the text, since it may mean more.
   */
  AMBIGUOUS_OPT_OUT,
  /** Anything else: stored and shown with the member, never answered automatically. */
  OTHER
}
