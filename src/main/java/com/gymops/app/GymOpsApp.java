package com.gymops.app;

import com.gymops.config.GymOpsConfig;
import com.gymops.demo.DemoData;
import com.gymops.importing.ImportService;
import com.gymops.store.AttemptStore;
import com.gymops.store.AttemptStore.KeyedAttempt;
import com.gymops.store.Database;
import com.gymops.store.JdbiAttemptStore;
import com.gymops.store.JdbiMemberStore;
import com.gymops.store.JdbiTransactor;
import com.gymops.store.MemberStore;
import com.gymops.store.Transactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The composition root: the one place that creates adapters and wires them to the services. Open
 * one per process (or per test) and close it at the end.
 */
public final class GymOpsApp implements AutoCloseable {
  private final GymOpsConfig config;
  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final MemberStore members;
  private final AttemptStore attempts;
  private final Transactor transactor;
  private final ImportService importer;

  private GymOpsApp(GymOpsConfig config, Path dataDir, Clock clock, Database database) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.members = new JdbiMemberStore(database.jdbi());
    this.attempts = new JdbiAttemptStore(database.jdbi());
    this.transactor = new JdbiTransactor(database.jdbi());
    this.importer =
        new ImportService(
            members,
            attempts,
            transactor,
            config.clubs().stream().map(c -> c.club().id()).collect(Collectors.toSet()),
            config.clubs().stream().map(c -> c.club().zone()).toList(),
            config.messaging().defaultRegion(),
            clock);
  }

  public static GymOpsApp open(GymOpsConfig config, Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    return new GymOpsApp(config, dataDir, clock, Database.open(config.database(), dataDir));
  }

  public GymOpsConfig config() {
    return config;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  public MemberStore members() {
    return members;
  }

  public AttemptStore attempts() {
    return attempts;
  }

  public ImportService importer() {
    return importer;
  }

  public Transactor transactor() {
    return transactor;
  }

  /** Loads a generated demo club, members and attempt history, in one transaction. */
  public void seed(DemoData data) {
    List<KeyedAttempt> keyed = new ArrayList<>(data.attempts().size());
    for (int i = 0; i < data.attempts().size(); i++) {
      keyed.add(new KeyedAttempt(data.attempts().get(i), "demo:" + i, null));
    }
    transactor.inTransaction(
        () -> {
          members.upsertAll(data.members(), clock.instant());
          attempts.addAll(keyed);
        });
  }

  @Override
  public void close() {
    database.close();
  }
}
