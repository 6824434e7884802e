package com.gymops.bench.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Stops and continues a child process (SIGSTOP, SIGCONT), which {@link Process} cannot: through one
 * long-lived POSIX shell whose builtin {@code kill} answers in a fraction of a millisecond. A
 * {@code kill(1)} process per signal would take milliseconds to start, during which the child the
 * drill means to stop runs on. Not thread-safe: one drill, one thread.
 */
final class ProcessSignals implements AutoCloseable {
  private final Process shell;
  private final Writer commands;
  private final BufferedReader answers;

  private ProcessSignals(Process shell) {
    this.shell = shell;
    this.commands = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
    this.answers =
        new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
  }

  static ProcessSignals start() {
    try {
      return new ProcessSignals(new ProcessBuilder("sh").redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start sh to send signals", e);
    }
  }

  /** SIGSTOP: the process stops where it is, every thread; false when it is gone. */
  boolean stop(ChildProcess child) {
    return send("STOP", child.pid());
  }

  /** SIGCONT: a stopped process runs on. */
  boolean resume(ChildProcess child) {
    return send("CONT", child.pid());
  }

  private boolean send(String signal, long pid) {
    try {
      commands.write("kill -" + signal + " " + pid + " 2>/dev/null && echo sent || echo gone\n");
      commands.flush();
      String answer = answers.readLine();
      if (answer == null) {
        throw new IllegalStateException("the shell sending signals exited");
      }
      return answer.equals("sent");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send SIG" + signal + " to " + pid, e);
    }
  }

  @Override
  public void close() {
    shell.destroy();
  }
}
