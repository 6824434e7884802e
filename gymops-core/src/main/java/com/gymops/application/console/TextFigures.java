package com.gymops.application.console;

import com.gymops.application.port.store.DigestReads.MessageCount;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of the texts a run queued, counted from the outbox: sent, logged, due now, waiting
 * for the member's texting hours (until when), failed, not sent. Queued is never called sent: a run
 * queues, the dispatcher sends (docs/WORKFLOWS.md, "Run summaries"); and a text the message log
 * took without a provider is logged, never sent.
 *
 * @param waitingFrom the earliest time a waiting text is due; null when none waits
 * @param waitingTo the latest
 */
public record TextFigures(
    long total,
    long sent,
    long logged,
    long dueNow,
    long waiting,
    Instant waitingFrom,
    Instant waitingTo,
    long failed,
    long notSent) {

  public static TextFigures of(List<MessageCount> counts, Instant now) {
    long total = 0;
    long sent = 0;
    long logged = 0;
    long due = 0;
    long waiting = 0;
    long failed = 0;
    long notSent = 0;
    Instant from = null;
    Instant to = null;
    for (MessageCount c : counts) {
      total += c.count();
      switch (c.status()) {
        case SENT, DELIVERED -> sent += c.count();
        case LOGGED -> logged += c.count();
        case SENDING -> due += c.count();
        case FAILED -> failed += c.count();
        case SUPPRESSED -> notSent += c.count();
        case QUEUED -> {
          if (c.notBefore() == null || !c.notBefore().isAfter(now)) {
            due += c.count();
          } else {
            waiting += c.count();
            from = from == null || c.notBefore().isBefore(from) ? c.notBefore() : from;
            to = to == null || c.notBefore().isAfter(to) ? c.notBefore() : to;
          }
        }
      }
    }
    return new TextFigures(total, sent, logged, due, waiting, from, to, failed, notSent);
  }

  /** "8 sent, 29 wait for 8:00 am", each part with its count; empty when the run queued no text. */
  public String parts(Instant now, ZoneId zone) {
    List<String> parts = new ArrayList<>();
    if (sent > 0 || total > 0 && logged == 0 && waiting == 0 && dueNow == 0) {
      parts.add(String.format("%,d sent", sent));
    }
    if (logged > 0) {
      parts.add(String.format("%,d logged, not sent (no provider configured)", logged));
    }
    if (dueNow > 0) {
      parts.add(String.format("%,d due now", dueNow));
    }
    if (waiting > 0) {
      String from = ManagerWords.when(waitingFrom, now, zone);
      String to = ManagerWords.when(waitingTo, now, zone);
      parts.add(
          String.format("%,d %s for ", waiting, waiting == 1 ? "waits" : "wait")
              + (from.equals(to) ? from : "their texting hours (" + from + " to " + to + ")"));
    }
    if (failed > 0) {
      parts.add(String.format("%,d failed (see the Outbox)", failed));
    }
    if (notSent > 0) {
      parts.add(String.format("%,d stopped before sending (opted out or cancelled)", notSent));
    }
    return String.join(", ", parts);
  }
}
