package com.gymops.application.payments;

import com.gymops.application.port.InvoiceIssuer;
import com.gymops.application.port.PaymentProviderException;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.application.run.PayLinkIssuer;
import com.gymops.domain.Club;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The provider's invoice made on demand (docs/INTEGRATIONS.md, "Invoices made on demand"): a member
 * about to be reminded who owes money, has a customer id at the provider and has no open invoice of
 * the provider's gets one for the balance, published, and its page is kept as the member's pay link
 * for the delinquency, exactly as a link a webhook carried.
 *
 * <p>The invoice's idempotency key is derived from the member and the delinquency (its first day
 * and its balance), so a retry, or a run after a crash between the provider's answer and the store,
 * gets the same invoice. When the provider cannot be reached or refuses, the run asks no more of it
 * and its texts carry the configured template's link, or none.
 */
public final class OnDemandInvoices implements PayLinkIssuer {
  /**
   * The most invoices one run makes: the first run after a Square club is switched on may find many
   * members without a link, and a run must not wait on hundreds of calls (three each). The rest get
   * theirs in the next runs; their texts meanwhile carry the template's link.
   */
  public static final int MAX_PER_RUN = 25;

  private static final Logger LOG = Logger.getLogger(OnDemandInvoices.class.getName());

  private final InvoiceIssuer issuer;
  private final ProviderBilling billing;
  private final MemberStore members;
  private final int maxPerRun;

  public OnDemandInvoices(
      InvoiceIssuer issuer, ProviderBilling billing, MemberStore members, int maxPerRun) {
    this.issuer = issuer;
    this.billing = billing;
    this.members = members;
    this.maxPerRun = maxPerRun;
  }

  @Override
  public int issue(Club club, Collection<MemberId> reminded, Instant now) {
    if (reminded.isEmpty()) {
      return 0;
    }
    Map<MemberId, ProviderBilling.Invoice> open = billing.openOf(reminded);
    List<Member> owing =
        members.findAll(reminded.stream().filter(id -> !open.containsKey(id)).toList()).stream()
            .filter(m -> m.clubId().equals(club.id()))
            .filter(m -> m.pastDue().isPositive() && m.pastDueSince() != null)
            .sorted((a, b) -> a.id().value().compareTo(b.id().value()))
            .toList();
    LocalDate today = now.atZone(club.zone()).toLocalDate();
    int made = 0;
    for (Member member : owing) {
      if (made == maxPerRun) {
        LOG.info(
            () ->
                "made "
                    + maxPerRun
                    + " "
                    + issuer.name()
                    + " invoices in this run, the most one run makes; the others' texts carry"
                    + " the template's link");
        break;
      }
      Optional<String> customer = billing.customerIdOf(member.id());
      if (customer.isEmpty()) {
        continue;
      }
      InvoiceIssuer.IssuedInvoice invoice;
      try {
        invoice =
            issuer.issue(
                new InvoiceIssuer.InvoiceRequest(
                    customer.get(),
                    member.pastDue(),
                    today,
                    key(member),
                    "Past-due balance, " + club.name()));
      } catch (PaymentProviderException e) {
        LOG.warning(
            () ->
                "no "
                    + issuer.name()
                    + " invoice for member "
                    + member.id().value()
                    + ", so no more in this run; the texts carry the template's link: "
                    + e.getMessage());
        break;
      }
      billing.issued(
          issuer.name(),
          invoice.invoiceId(),
          member.id(),
          member.pastDue(),
          member.pastDueSince(),
          invoice.payUrl(),
          now);
      made++;
    }
    return made;
  }

  /**
   * The same for the same member, delinquency and balance; 43 characters whatever the member id's
   * length (Square takes at most 128 in a key, with the call's own suffix).
   */
  static String key(Member member) {
    String delinquency =
        member.id().value() + "|" + member.pastDueSince() + "|" + member.pastDue().cents();
    return "gymops-" + UUID.nameUUIDFromBytes(delinquency.getBytes(StandardCharsets.UTF_8));
  }
}
