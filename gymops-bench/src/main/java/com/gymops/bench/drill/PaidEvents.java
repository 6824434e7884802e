package com.gymops.bench.drill;

import com.gymops.fakes.FakeSquare;
import com.gymops.fakes.FakeStripe;
import java.time.Instant;
import java.util.Map;

/**
 * A payment provider as {@link PaidEventDrill} drives it: its fake on loopback, the settings and
 * secrets {@code serve} needs for it, and its paid events, signed anew at each delivery as the
 * provider signs each one.
 */
interface PaidEvents extends AutoCloseable {
  /** {@code stripe} or {@code square}: the scenario, {@code payments.provider} and the path. */
  String name();

  /** The webhook's secret, for {@code serve}'s environment. */
  Map<String, String> environment();

  /** The {@code payments} section appended to the drill club's configuration. */
  String configYaml();

  /**
   * An invoice of the customer's, of {@code cents}, paid in full.
   *
   * @return the payment id GymOps stores for it, and the paid event
   */
  String[] paidInvoice(String customerId, long cents);

  /** Whether serve answered the event 2xx. */
  boolean deliver(String url, String event);

  @Override
  void close();

  static PaidEvents stripe() {
    return new Stripe(FakeStripe.start());
  }

  static PaidEvents square() {
    return new Square(FakeSquare.start());
  }

  /** Stripe's {@code invoice.paid}, signed with {@code t} = now (within the tolerance). */
  record Stripe(FakeStripe fake) implements PaidEvents {
    @Override
    public String name() {
      return "stripe";
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("GYMOPS_STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET);
    }

    @Override
    public String configYaml() {
      return "\npayments:\n  provider: stripe\n  stripe: {base_url: \"" + fake.baseUrl() + "\"}\n";
    }

    @Override
    public String[] paidInvoice(String customerId, long cents) {
      long now = Instant.now().getEpochSecond();
      String invoice = fake.failedInvoice(customerId, cents, 4, null, now - 86_400);
      fake.pay(invoice, now);
      return new String[] {
        "stripe:" + invoice + ":" + cents, fake.event("invoice.paid", invoice, now)
      };
    }

    @Override
    public boolean deliver(String url, String event) {
      try {
        return fake.deliver(url, event, Instant.now().getEpochSecond()).status() / 100 == 2;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  /**
   * Square's {@code invoice.payment_made}, signed over {@code payments.square.notification_url}
   * (which need not be where the POST lands, as behind a proxy).
   */
  record Square(FakeSquare fake) implements PaidEvents {
    private static final String NOTIFICATION_URL = "https://gym.example.com/webhooks/square";

    @Override
    public String name() {
      return "square";
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("GYMOPS_SQUARE_SIGNATURE_KEY", FakeSquare.SIGNATURE_KEY);
    }

    @Override
    public String configYaml() {
      return "\npayments:\n  provider: square\n  square: {base_url: \""
          + fake.baseUrl()
          + "\", notification_url: \""
          + NOTIFICATION_URL
          + "\"}\n";
    }

    @Override
    public String[] paidInvoice(String customerId, long cents) {
      String invoice = fake.unpaidInvoice(customerId, cents);
      fake.pay(invoice);
      return new String[] {
        "square:" + invoice + ":" + cents,
        fake.event("invoice.payment_made", invoice, Instant.now())
      };
    }

    @Override
    public boolean deliver(String url, String event) {
      try {
        return fake.deliver(url, NOTIFICATION_URL, event).status() / 100 == 2;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    @Override
    public void close() {
      fake.close();
    }
  }
}
