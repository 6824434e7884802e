package com.gymops.web.console;

import com.gymops.accounts.Accounts;
import com.gymops.console.ApprovalsQuery;
import com.gymops.console.AuditQuery;
import com.gymops.console.ConsoleActions;
import com.gymops.console.MembersQuery;
import com.gymops.console.OutboxQuery;
import com.gymops.console.RunNow;
import com.gymops.console.RunsQuery;
import com.gymops.console.SettingsQuery;
import com.gymops.console.TodayQuery;
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
    boolean secureCookies) {
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
