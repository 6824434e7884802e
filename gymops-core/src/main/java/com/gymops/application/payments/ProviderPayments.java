package com.gymops.application.payments;

import com.gymops.application.port.PaymentProvider;
import com.gymops.application.port.PaymentProviderException;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The events of a payment provider (Stripe, Square; docs/INTEGRATIONS.md), each handled once by the
 * provider's event id and matched to a member by the provider's customer id:
 *
 * <ul>
 *   <li>a failed invoice opens or updates the member's delinquency (amount, first day, the
 *       provider's next retry, its pay link), so the next hourly run sees it;
 *   <li>a paid invoice is a {@link Payment} to {@link PaymentService#receive}, today's one path:
 *       balance, a door-access run for the member through the one runner, unlock, one text.
 * </ul>
 *
 * The event is marked handled only after its effects, which are idempotent themselves (the
 * invoice's row, the payment's id, the door run's keys): a process killed in between is finished by
 * the provider's resend, and a resend after that changes nothing.
 */
public final class ProviderPayments {
  private static final Logger LOG = Logger.getLogger(ProviderPayments.class.getName());

  private final ProviderBilling billing;
  private final MemberStore members;
  private final PaymentService payments;
  private final Optional<PaymentProvider> provider;
  private final Function<ClubId, ZoneId> zones;
  private final Clock clock;

  /**
   * @param provider the provider's API for pay links an event did not carry, or empty
   * @param zones each club's zone: a delinquency's first day is the club's date of the failure
   */
  public ProviderPayments(
      ProviderBilling billing,
      MemberStore members,
      PaymentService payments,
      Optional<PaymentProvider> provider,
      Function<ClubId, ZoneId> zones,
      Clock clock) {
    this.billing = billing;
    this.members = members;
    this.payments = payments;
    this.provider = provider;
    this.zones = zones;
    this.clock = clock;
  }

  public ProviderOutcome receive(ProviderEvent event) {
    if (billing.handled(event.provider(), event.eventId())) {
      return new ProviderOutcome(
          ProviderOutcome.Status.REPLAY,
          null,
          null,
          null,
          "event " + event.eventId() + " was handled before; nothing changed");
    }
    Optional<MemberId> matched =
        event.customerId() == null || event.customerId().isBlank()
            ? Optional.empty()
            : billing.memberOfCustomer(event.customerId());
    Optional<Member> member = matched.flatMap(members::find);
    if (member.isEmpty()) {
      return new ProviderOutcome(
          ProviderOutcome.Status.UNKNOWN_CUSTOMER,
          null,
          null,
          null,
          "no member has payment_customer_id '"
              + event.customerId()
              + "' (or more than one does): import it, then resend the event");
    }
    ProviderOutcome outcome;
    if (event instanceof ProviderEvent.InvoiceFailed failed) {
      outcome = failed(failed, member.get());
    } else if (event instanceof ProviderEvent.InvoicePaid paid) {
      outcome = paid(paid, member.get());
    } else {
      outcome = updated((ProviderEvent.InvoiceUpdated) event, member.get());
    }
    billing.markHandled(
        event.provider(), event.eventId(), event.type(), member.get().id(), clock.instant());
    return outcome;
  }

  private ProviderOutcome failed(ProviderEvent.InvoiceFailed event, Member member) {
    LocalDate since = event.occurredAt().atZone(zones.apply(member.clubId())).toLocalDate();
    ProviderBilling.Invoice invoice =
        billing.failed(
            new ProviderBilling.FailedInvoice(
                event.provider(),
                event.invoiceId(),
                member.id(),
                event.amountDue(),
                since,
                event.attemptCount(),
                event.nextRetry(),
                blankToNull(event.payUrl())),
            clock.instant());
    if (invoice.open() && invoice.payUrl() == null && provider.isPresent()) {
      invoice = withFetchedLink(invoice);
    }
    return new ProviderOutcome(
        ProviderOutcome.Status.DELINQUENCY,
        member.id().value(),
        invoice,
        null,
        invoice.open()
            ? "invoice " + event.invoiceId() + " is owed: " + invoice.amount()
            : "invoice " + event.invoiceId() + " was paid before this failure arrived; unchanged");
  }

  /** The provider's pay link read from its API; without it the configured template stands in. */
  private ProviderBilling.Invoice withFetchedLink(ProviderBilling.Invoice invoice) {
    try {
      Optional<String> link = provider.get().payLink(invoice.invoiceId());
      if (link.isPresent()) {
        billing.setPayUrl(invoice.provider(), invoice.invoiceId(), link.get(), clock.instant());
        return billing.find(invoice.provider(), invoice.invoiceId()).orElse(invoice);
      }
    } catch (PaymentProviderException e) {
      LOG.warning(
          () ->
              "no pay link for invoice "
                  + invoice.invoiceId()
                  + " from "
                  + invoice.provider()
                  + ": "
                  + e.getMessage());
    }
    return invoice;
  }

  private ProviderOutcome paid(ProviderEvent.InvoicePaid event, Member member) {
    Money before =
        billing
            .find(event.provider(), event.invoiceId())
            .map(ProviderBilling.Invoice::paid)
            .orElse(Money.ZERO);
    long amount = event.paidTotal().cents() - before.cents();
    PaymentResult result = null;
    if (amount > 0) {
      // The id names the invoice and the total it brings the invoice to: a resend of this event
      // makes the same payment, a second payment on the invoice a payment of its own.
      result =
          payments.receive(
              new Payment(
                  event.provider() + ":" + event.invoiceId() + ":" + event.paidTotal().cents(),
                  member.id(),
                  Money.ofCents(amount),
                  event.paidAt()));
    } else {
      payments.openIfPaidUp(member.id());
    }
    billing.paid(
        event.provider(),
        event.invoiceId(),
        member.id(),
        event.paidTotal().cents() > before.cents() ? event.paidTotal() : before,
        event.paidAt().atZone(zones.apply(member.clubId())).toLocalDate(),
        clock.instant());
    return new ProviderOutcome(
        ProviderOutcome.Status.PAID,
        member.id().value(),
        billing.find(event.provider(), event.invoiceId()).orElse(null),
        result,
        amount > 0
            ? "payment of " + Money.ofCents(amount) + " on invoice " + event.invoiceId()
            : "invoice " + event.invoiceId() + " brought nothing new; door checked");
  }

  private ProviderOutcome updated(ProviderEvent.InvoiceUpdated event, Member member) {
    Optional<ProviderBilling.Invoice> known = billing.find(event.provider(), event.invoiceId());
    String url = blankToNull(event.payUrl());
    if (known.isPresent() && known.get().open() && url != null) {
      billing.setPayUrl(event.provider(), event.invoiceId(), url, clock.instant());
      return new ProviderOutcome(
          ProviderOutcome.Status.NOTED,
          member.id().value(),
          billing.find(event.provider(), event.invoiceId()).orElse(null),
          null,
          "pay link of invoice " + event.invoiceId() + " updated");
    }
    return new ProviderOutcome(
        ProviderOutcome.Status.NOTED,
        member.id().value(),
        known.orElse(null),
        null,
        "nothing to change for invoice " + event.invoiceId());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
