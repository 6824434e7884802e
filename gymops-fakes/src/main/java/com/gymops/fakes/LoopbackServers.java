package com.gymops.fakes;

/**
 * The JDK's {@code com.sun.net.httpserver} writes a response's headers and body separately and,
 * unless told otherwise, leaves Nagle's algorithm on: against a client's delayed ACK every answer
 * then waits about 40 ms on loopback, which made the fake Twilio the bottleneck of the dispatch
 * bench (some 22 texts a second, baseline included). Real providers answer without that stall.
 */
public final class LoopbackServers {
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private LoopbackServers() {}

  /**
   * Sets TCP_NODELAY on the connections of every {@code HttpServer} this JVM creates from now on.
   * The JDK reads the setting once, when its first server is created, so call this before any fake
   * starts; a value set on the command line is left alone.
   */
  public static void answerWithoutDelay() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }
}
