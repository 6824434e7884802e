package com.gymops.application.port;

/**
 * Why a provider refuses the sender itself rather than one message: every following message would
 * be refused the same way, so the sender is paused (docs/COMPLIANCE.md). The gateway that knows the
 * provider's codes says which one it is.
 */
public enum SenderProblem {
  /** The number sends application-to-person texts without a registered brand and campaign. */
  UNREGISTERED_CAMPAIGN,
  /** A toll-free number that has not been verified for sending. */
  UNVERIFIED_TOLL_FREE,
  /** Carriers filter the texts (content or registration). */
  CARRIER_FILTERED,
  /** The sending number or service cannot send at all (not owned, not SMS-capable, suspended). */
  SENDER_NOT_ALLOWED
}
