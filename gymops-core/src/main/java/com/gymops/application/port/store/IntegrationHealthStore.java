package com.gymops.application.port.store;

import com.gymops.domain.IntegrationHealth;
import java.time.Instant;
import java.util.List;

/** Each integration's last success and last error (V13's {@code integration_health}). */
public interface IntegrationHealthStore {
  void succeeded(String name, Instant at);

  void failed(String name, Instant at, String error);

  /** Every integration that has answered at least once, by name. */
  List<IntegrationHealth> all();
}
