package com.gymops.bench;

/**
 * From a provider's paid event to the door system's unlock call, on {@code serve}'s webhook: each
 * event POSTed as Stripe posts it, and timed until the door system's HTTP server receives the
 * restore call for that member.
 *
 * @param members members of the club, every tenth locked for payment
 * @param events timed events (after {@code warmups} untimed ones)
 * @param goalMs the goal for the median: 5 s
 */
public record PaymentFigures(
    int members,
    int warmups,
    int events,
    double medianMs,
    double p95Ms,
    double maxMs,
    int goalMs) {}
