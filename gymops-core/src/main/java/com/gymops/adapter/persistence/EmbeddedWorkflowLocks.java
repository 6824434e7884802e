package com.gymops.adapter.persistence;

import com.gymops.application.port.store.WorkflowLocks;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store's leases: those of {@link JdbiWorkflowLocks}, plus an operating-system lock on
 * a file per (workflow, club) held by the process that runs it. The embedded store lives on one
 * machine, and the OS frees a dead process's file locks, so a free file lock under a lease proves
 * its holder died: the next run (or start) takes over at once instead of waiting out the lease.
 */
final class EmbeddedWorkflowLocks implements WorkflowLocks {
  private final JdbiWorkflowLocks leases;
  private final Path directory;

  /** The file locks this process holds, by (workflow, club), with the run they belong to. */
  private final Map<String, Held> held = new HashMap<>();

  private record Held(String runId, FileChannel channel, FileLock lock) {}

  EmbeddedWorkflowLocks(JdbiWorkflowLocks leases, Path directory) {
    this.leases = leases;
    this.directory = directory;
  }

  @Override
  public synchronized boolean acquire(
      WorkflowId workflow, ClubId club, String runId, Instant now, Duration lease) {
    String key = key(workflow, club);
    Held mine = held.get(key);
    if (mine != null) {
      // This process runs it already: only the lease's expiry can hand it on.
      boolean taken = leases.acquire(workflow, club, runId, now, lease);
      if (taken) {
        held.put(key, new Held(runId, mine.channel(), mine.lock()));
      }
      return taken;
    }
    Optional<Held> free = tryLock(key, runId);
    if (free.isEmpty()) {
      return leases.acquire(workflow, club, runId, now, lease);
    }
    boolean taken = leases.take(workflow, club, runId, now, lease, true);
    if (taken) {
      held.put(key, free.get());
    } else {
      close(free.get());
    }
    return taken;
  }

  @Override
  public synchronized void release(WorkflowId workflow, ClubId club, String runId) {
    leases.release(workflow, club, runId);
    String key = key(workflow, club);
    Held mine = held.get(key);
    if (mine != null && mine.runId().equals(runId)) {
      held.remove(key);
      close(mine);
    }
  }

  @Override
  public Optional<Instant> expiry(WorkflowId workflow, ClubId club) {
    return leases.expiry(workflow, club);
  }

  @Override
  public synchronized List<String> recoverInterrupted(Instant now) {
    List<String> dead = new ArrayList<>();
    for (JdbiWorkflowLocks.Lease lease : leases.leases()) {
      String key = key(lease.workflow(), lease.club());
      if (held.containsKey(key)) {
        continue;
      }
      Optional<Held> free = tryLock(key, lease.runId());
      if (free.isPresent()) {
        dead.add(lease.runId());
        close(free.get());
      }
    }
    return leases.recover(now, dead);
  }

  private static String key(WorkflowId workflow, ClubId club) {
    return workflow.id() + "@" + club.value();
  }

  /** The file lock of {@code key}, if no process (this one included) holds it. */
  private Optional<Held> tryLock(String key, String runId) {
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              directory.resolve(key + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new Held(runId, channel, lock));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + directory.resolve(key + ".lock"), e);
    }
  }

  private static void close(Held held) {
    try {
      held.lock().release();
      held.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
