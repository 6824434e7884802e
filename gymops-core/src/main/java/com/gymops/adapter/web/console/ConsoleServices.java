package com.gymops.adapter.web.console;

import com.gymops.application.accounts.Accounts;
import com.gymops.application.ask.AskBox;
import com.gymops.application.console.ApprovalsQuery;
import com.gymops.application.console.AuditQuery;
import com.gymops.application.console.ConsoleActions;
import com.gymops.application.console.MembersQuery;
import com.gymops.application.console.OutboxQuery;
import com.gymops.application.console.RunNow;
import com.gymops.application.console.RunsQuery;
import com.gymops.application.console.SettingsQuery;
import com.gymops.application.console.TodayQuery;
import java.util.Objects;

/**
 * What the console's handlers call, wired by the composition root.
 *
 * @param secureCookies whether cookies carry {@code Secure}: the console is reached over https
 */
public record ConsoleServices(
    Accounts accounts,
    TodayQuery today,
    RunsQuery runs,
    MembersQuery members,
    OutboxQuery outbox,
    SettingsQuery settings,
    RunNow runNow,
    ConsoleActions actions,
    AuditQuery audit,
    ApprovalsQuery approvals,
    boolean secureCookies,
    AskBox ask) {
  /** Without an Ask box: the page says the server offers none. */
  public ConsoleServices(
      Accounts accounts,
      TodayQuery today,
      RunsQuery runs,
      MembersQuery members,
      OutboxQuery outbox,
      SettingsQuery settings,
      RunNow runNow,
      ConsoleActions actions,
      AuditQuery audit,
      ApprovalsQuery approvals,
      boolean secureCookies) {
    this(
        accounts,
        today,
        runs,
        members,
        outbox,
        settings,
        runNow,
        actions,
        audit,
        approvals,
        secureCookies,
        null);
  }

  public ConsoleServices {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(runNow, "runNow");
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(approvals, "approvals");
  }
}
