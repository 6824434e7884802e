package com.gymops.testing;

import com.gymops.application.care.ApprovalFiling;
import com.gymops.application.port.ReportWriter;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ApprovalDesk;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.RunAgent;
import com.gymops.application.run.RunPlanner;
import com.gymops.application.run.SnapshotLoader;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.GymOpsConfig;
import com.gymops.policy.MessageTemplates;
import java.time.Clock;

/** The run pipeline wired from a database's stores, as the composition root wires it. */
public final class Runners {
  private Runners() {}

  public static SnapshotLoader loader(
      Stores stores, MessageTemplates templates, String payLinkTemplate) {
    return new SnapshotLoader(
        stores.members(),
        stores.attempts(),
        stores.outbox(),
        stores.referrals(),
        stores.escalations(),
        stores.holds(),
        stores.payLinks(),
        templates,
        payLinkTemplate,
        stores.clubLinks(),
        null);
  }

  public static RunPlanner planner(Stores stores, MessageTemplates templates) {
    return planner(stores, templates, null);
  }

  public static RunPlanner planner(
      Stores stores, MessageTemplates templates, String payLinkTemplate) {
    return new RunPlanner(loader(stores, templates, payLinkTemplate));
  }

  /** A rules runner that files nothing for approval and has no agent. */
  public static WorkflowRunner runner(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      RunPlanner planner,
      ReportWriter reports,
      Clock clock) {
    return runner(config, stores, executor, planner, reports, clock, WorkflowRunner.NO_AGENT);
  }

  public static WorkflowRunner runner(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      RunPlanner planner,
      ReportWriter reports,
      Clock clock,
      RunAgent agent) {
    return runner(config, stores, executor, planner, reports, clock, agent, ApprovalDesk.NONE);
  }

  public static WorkflowRunner runner(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      RunPlanner planner,
      ReportWriter reports,
      Clock clock,
      RunAgent agent,
      ApprovalDesk desk) {
    return new WorkflowRunner(
        config,
        planner,
        executor,
        stores.runs(),
        stores.locks(),
        stores.approvals(),
        stores.transcripts(),
        reports,
        clock,
        agent,
        desk,
        com.gymops.application.run.PayLinkIssuer.NONE);
  }

  /** The desk runs file their approvals at, texting the manager through the outbox. */
  public static ApprovalFiling filing(GymOpsConfig config, Stores stores, Clock clock) {
    return new ApprovalFiling(
        config,
        stores.approvals(),
        new ManagerMessages(stores.outbox(), MessageTemplates.defaults()),
        clock);
  }
}
