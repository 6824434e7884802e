package com.gymops.application.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.CampaignSummary;
import com.gymops.policy.DoorAccessSummary;
import com.gymops.policy.EscalationSummary;
import com.gymops.policy.InvoiceAmountRange;
import com.gymops.policy.InvoiceSummary;
import com.gymops.policy.PastDueSummary;
import com.gymops.policy.ReferralSummary;
import com.gymops.policy.RunSummary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run summary as the {@code summary} object of the run report (docs/WORKFLOWS.md, "Run
 * summaries"): the one place that writes it, and reads it back from a stored report.
 *
 * <p>Reports stored before the summaries said "queued" carry the old keys ({@code reminders_sent},
 * {@code total_sent}, {@code notifications_sent}, {@code total_invoices}) and figures that were
 * always zero ({@code failed}, {@code errors}, {@code failed_sends}); they are read under the new
 * names and the zeros are dropped, so an old run shows as a new one does.
 */
public final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryJson() {}

  public static ObjectNode write(RunSummary summary) {
    return summary.accept(new Writer());
  }

  /** The summary of a stored report's {@code summary} object; empty when there is none. */
  public static Optional<RunSummary> read(WorkflowId workflow, JsonNode summary) {
    if (summary == null || !summary.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (workflow) {
          case DAILY_CAMPAIGNS -> campaigns(summary);
          case PAST_DUE_MONITORING -> pastDue(summary);
          case DOOR_ACCESS -> doorAccess(summary);
          case COLLECTIONS_ESCALATION -> escalation(summary);
          case COLLECTIONS_REFERRAL -> referral(summary);
          case BATCH_INVOICES -> invoices(summary);
        });
  }

  /** The summary of a stored run report (the whole report, as in {@code workflow_run}). */
  public static Optional<RunSummary> ofReport(WorkflowId workflow, String reportJson) {
    if (reportJson == null) {
      return Optional.empty();
    }
    try {
      return read(workflow, JSON.readTree(reportJson).get("summary"));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final class Writer implements RunSummary.Visitor<ObjectNode> {
    @Override
    public ObjectNode campaigns(CampaignSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("texts_queued", summary.textsQueued());
      node.putObject("by_category")
          .put("prospects", summary.prospects())
          .put("green", summary.green())
          .put("ppv", summary.ppv())
          .put("one_off", summary.oneOff());
      node.put("withheld_for_approval", summary.awaitingApproval());
      return node;
    }

    @Override
    public ObjectNode pastDue(PastDueSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("members_processed", summary.membersProcessed());
      node.putObject("reminders_queued")
          .put("friendly", summary.friendly())
          .put("firm", summary.firm())
          .put("final", summary.finalNotices());
      node.put("doors_locked", summary.doorsLocked());
      node.put("total_past_due", summary.totalPastDue().toBigDecimal());
      node.put("urgent_cases", summary.urgentCases());
      return node;
    }

    @Override
    public ObjectNode doorAccess(DoorAccessSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("members_locked", summary.membersLocked());
      node.put("members_unlocked", summary.membersUnlocked());
      node.put("notifications_queued", summary.notificationsQueued());
      node.put("lock_warnings", summary.lockWarnings());
      node.put("locks_withheld_by_breaker", summary.locksWithheldByBreaker());
      node.put("locks_withheld_for_approval", summary.locksAwaitingApproval());
      return node;
    }

    @Override
    public ObjectNode escalation(EscalationSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("escalation_cases", summary.escalationCases());
      node.put("total_at_risk", summary.totalAtRisk().toBigDecimal());
      ArrayNode cases = node.putArray("cases");
      for (EscalationSummary.Case row : summary.cases()) {
        ObjectNode item = cases.addObject();
        item.put("member_id", row.memberId());
        item.put("name", row.name());
        item.put("amount", row.amount().toBigDecimal());
        item.put("attempts_30d", row.attempts30d());
        item.put("days_past_due", row.daysPastDue());
        row.reasons().forEach(item.putArray("reasons")::add);
        item.put("last_contact", row.lastContact());
      }
      summary.recommendedActions().forEach(node.putArray("recommended_actions")::add);
      return node;
    }

    @Override
    public ObjectNode referral(ReferralSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("members_referred", summary.membersReferred());
      node.put("total_referred", summary.totalReferred().toBigDecimal());
      ArrayNode rows = node.putArray("referrals");
      for (ReferralSummary.Referral row : summary.referrals()) {
        ObjectNode item = rows.addObject();
        item.put("member_id", row.memberId());
        item.put("name", row.name());
        item.put("amount", row.amount().toBigDecimal());
        item.put("attempts", row.attempts());
        item.put("phone", row.phone());
        item.put("email", row.email());
        item.put("past_due_since", String.valueOf(row.pastDueSince()));
        item.put("last_contact", row.lastContact());
      }
      node.put("date_referred", summary.dateReferred().toString());
      node.put("withheld_for_approval", summary.awaitingApproval());
      return node;
    }

    @Override
    public ObjectNode invoices(InvoiceSummary summary) {
      ObjectNode node = JSON.createObjectNode();
      node.put("invoices_queued", summary.invoicesQueued());
      node.put("total_amount", summary.totalAmount().toBigDecimal());
      ObjectNode ranges = node.putObject("by_amount_range");
      summary
          .byAmountRange()
          .forEach(
              (range, band) ->
                  ranges
                      .putObject(range.label())
                      .put("count", band.count())
                      .put("amount", band.amount().toBigDecimal()));
      return node;
    }
  }

  private static CampaignSummary campaigns(JsonNode node) {
    JsonNode byCategory = node.path("by_category");
    return new CampaignSummary(
        byCategory.path("prospects").asInt(),
        byCategory.path("green").asInt(),
        byCategory.path("ppv").asInt(),
        byCategory.path("one_off").asInt(),
        node.path("withheld_for_approval").asInt());
  }

  private static PastDueSummary pastDue(JsonNode node) {
    JsonNode reminders = either(node, "reminders_queued", "reminders_sent");
    return new PastDueSummary(
        node.path("members_processed").asInt(),
        reminders.path("friendly").asInt(),
        reminders.path("firm").asInt(),
        reminders.path("final").asInt(),
        node.path("doors_locked").asInt(),
        money(node.path("total_past_due")),
        node.path("urgent_cases").asInt());
  }

  private static DoorAccessSummary doorAccess(JsonNode node) {
    return new DoorAccessSummary(
        node.path("members_locked").asInt(),
        node.path("members_unlocked").asInt(),
        node.path("lock_warnings").asInt(),
        either(node, "notifications_queued", "notifications_sent").asInt(),
        node.path("locks_withheld_by_breaker").asInt(),
        node.path("locks_withheld_for_approval").asInt());
  }

  private static EscalationSummary escalation(JsonNode node) {
    List<EscalationSummary.Case> cases = new ArrayList<>();
    for (JsonNode row : node.path("cases")) {
      cases.add(
          new EscalationSummary.Case(
              row.path("member_id").asText(),
              row.path("name").asText(),
              money(row.path("amount")),
              row.path("attempts_30d").asInt(),
              row.path("days_past_due").asLong(),
              texts(row.path("reasons")),
              row.path("last_contact").asText()));
    }
    return new EscalationSummary(
        cases, money(node.path("total_at_risk")), texts(node.path("recommended_actions")));
  }

  private static ReferralSummary referral(JsonNode node) {
    List<ReferralSummary.Referral> rows = new ArrayList<>();
    for (JsonNode row : node.path("referrals")) {
      rows.add(
          new ReferralSummary.Referral(
              row.path("member_id").asText(),
              row.path("name").asText(),
              money(row.path("amount")),
              row.path("attempts").asInt(),
              row.path("phone").asText(),
              row.path("email").asText(),
              date(row.path("past_due_since")),
              row.path("last_contact").asText()));
    }
    LocalDate referred = date(node.path("date_referred"));
    return new ReferralSummary(
        node.path("members_referred").asInt(),
        money(node.path("total_referred")),
        rows,
        referred == null ? LocalDate.EPOCH : referred,
        node.path("withheld_for_approval").asInt());
  }

  private static InvoiceSummary invoices(JsonNode node) {
    Map<InvoiceAmountRange, InvoiceSummary.Band> bands = new EnumMap<>(InvoiceAmountRange.class);
    for (InvoiceAmountRange range : InvoiceAmountRange.values()) {
      JsonNode band = node.path("by_amount_range").path(range.label());
      bands.put(
          range, new InvoiceSummary.Band(band.path("count").asInt(), money(band.path("amount"))));
    }
    return new InvoiceSummary(bands);
  }

  /** The field under its current name, or under the name an older report used. */
  private static JsonNode either(JsonNode node, String name, String olderName) {
    return node.has(name) ? node.path(name) : node.path(olderName);
  }

  private static Money money(JsonNode amount) {
    if (amount.isNumber()) {
      return Money.parse(amount.decimalValue().toPlainString());
    }
    return amount.isTextual() ? Money.parse(amount.asText()) : Money.ZERO;
  }

  private static LocalDate date(JsonNode text) {
    try {
      return text.isTextual() ? LocalDate.parse(text.asText()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
