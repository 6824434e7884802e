package com.gymops.application.port;

import java.util.Optional;

/**
 * What a provider's error code, as its delivery callbacks report it, says about the sender: present
 * when the sender itself is refused. The adapter that knows the provider implements it.
 * Thread-safe.
 */
@FunctionalInterface
public interface SenderErrorCodes {
  Optional<SenderProblem> senderProblem(String providerErrorCode);
}
