package com.gymops.application.messaging;

/**
 * What one dispatch pass did, each outcome its own figure.
 *
 * @param sent taken by a real provider (Twilio, the SMTP server, a chat webhook): they left
 * @param logged written to the message log by the log provider (no real provider configured):
 *     nothing left, so they are not counted sent
 * @param deferred due but outside the club's sending window: they wait for it
 * @param suppressed not sent because a rule forbids it now (e.g. the member replied STOP since)
 * @param retrying refused for now by the provider; they stay queued for a later pass
 * @param unknown found SENDING long after their claim (a crashed dispatcher): ended as failed with
 *     an unknown outcome, for the manager to check with the provider
 * @param paused texts kept queued because the provider refuses their sender (unregistered,
 *     unverified or filtered): they leave once a test send succeeds
 */
public record DispatchResult(
    int sent,
    int deferred,
    int failed,
    int suppressed,
    int retrying,
    int unknown,
    int paused,
    int logged) {
  public DispatchResult(int sent, int deferred, int failed, int suppressed, int retrying) {
    this(sent, deferred, failed, suppressed, retrying, 0, 0, 0);
  }

  public DispatchResult(
      int sent, int deferred, int failed, int suppressed, int retrying, int unknown, int paused) {
    this(sent, deferred, failed, suppressed, retrying, unknown, paused, 0);
  }
}
