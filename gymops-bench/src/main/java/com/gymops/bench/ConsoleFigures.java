package com.gymops.bench;

import java.util.List;

/**
 * The manager console's page times over HTTP on a demo club after its six workflows ran.
 *
 * @param requests timed requests of each page (after {@code warmups} untimed ones)
 * @param pages each page's times, in milliseconds from the request to the last byte
 */
public record ConsoleFigures(int members, int warmups, int requests, List<Page> pages) {
  public ConsoleFigures {
    pages = List.copyOf(pages);
  }

  /**
   * One page.
   *
   * @param goalMs the goal for the page on this club: 200 ms on the 2,000-member demo club,
   *     500 ms for Today and 50 ms for the Approvals digest on 100,000; 0 where it sets none
   */
  public record Page(
      String page, int status, double medianMs, double p95Ms, double maxMs, int goalMs) {}
}
