package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.payments.ProviderEvent;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * What every payment provider's webhook does with a request, in order: refuses it while the club's
 * {@code payments.provider} is another one or no signing secret is set, checks the signature over
 * the raw body, parses the event, and hands the events GymOps acts on to the payment service. Each
 * answer is {@link ProviderReply}'s. The provider's own parts, its signature and its event shape,
 * are the two functions it is made with.
 */
final class ProviderWebhook {
  /** The provider's signature check of a request: why it is refused, or empty when it is good. */
  @FunctionalInterface
  interface Signature {
    Optional<String> problem(byte[] body, Context ctx);
  }

  /**
   * The provider's event, or empty for a type GymOps leaves alone.
   *
   * @throws IllegalArgumentException when the body is no such event, with why
   */
  @FunctionalInterface
  interface Parser {
    Optional<ProviderEvent> parse(byte[] body);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderHooks hooks;
  private final String provider;
  private final boolean on;
  private final Optional<Signature> signature;
  private final String secretEnv;
  private final Parser parser;

  /**
   * @param provider the {@code payments.provider} this endpoint serves, e.g. {@code stripe}
   * @param on whether the club's {@code payments.provider} is this one
   * @param signature the check, or empty when the secret it needs is not set
   * @param secretEnv the environment variable that holds that secret, named in the refusal
   */
  ProviderWebhook(
      ProviderHooks hooks,
      String provider,
      boolean on,
      Optional<Signature> signature,
      String secretEnv,
      Parser parser) {
    this.hooks = hooks;
    this.provider = provider;
    this.on = on;
    this.signature = signature;
    this.secretEnv = secretEnv;
    this.parser = parser;
  }

  void receive(Context ctx) {
    if (!on) {
      ProviderReply.refused(
          ctx, 403, "payments.provider is not " + provider + ": this endpoint is off");
      return;
    }
    if (signature.isEmpty()) {
      ProviderReply.refused(ctx, 403, secretEnv + " is not set: no signature can be checked");
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    Optional<String> problem = signature.get().problem(body, ctx);
    if (problem.isPresent()) {
      ProviderReply.refused(ctx, 403, problem.get());
      return;
    }
    Optional<ProviderEvent> event;
    try {
      event = parser.parse(body);
    } catch (IllegalArgumentException e) {
      ProviderReply.refused(ctx, 400, e.getMessage());
      return;
    }
    if (event.isEmpty()) {
      ProviderReply.ignored(ctx, type(body));
      return;
    }
    ProviderReply.outcome(ctx, hooks.payments().receive(event.get()));
  }

  private static String type(byte[] body) {
    try {
      return MAPPER.readTree(body).path("type").asText("this event");
    } catch (IOException e) {
      return "this event";
    }
  }
}
