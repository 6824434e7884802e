package com.gymops.adapter.web.console;

import com.gymops.application.accounts.SignedIn;
import com.gymops.application.console.MemberTimeline;
import com.gymops.application.console.OutboxQuery;
import com.gymops.application.console.OutboxTab;
import com.gymops.application.console.RunThread;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The console's read-only pages. */
final class ReadHandlers {
  private static final int RUNS_LIMIT = 100;

  private final ConsoleServices services;
  private final ConsolePages pages;

  ReadHandlers(ConsoleServices services, ConsolePages pages) {
    this.services = services;
    this.pages = pages;
  }

  void today(Context ctx, SignedIn who) {
    page(
        ctx, "today", Frame.of("Today", "today", who), "clubs", services.today().today(who.user()));
  }

  /** The cards alone, for htmx's refresh every 30 seconds. */
  void todayCards(Context ctx, SignedIn who) {
    Map<String, Object> params = new HashMap<>();
    params.put("clubs", services.today().today(who.user()));
    params.put("canAct", who.user().role().mayAct());
    params.put("csrf", who.session().csrfToken());
    ctx.html(pages.render("today_cards", params));
  }

  void runs(Context ctx, SignedIn who) {
    String workflow = blankToNull(ctx.queryParam("workflow"));
    String status = blankToNull(ctx.queryParam("status"));
    String member = blankToNull(ctx.queryParam("member"));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Runs", "runs", who));
    params.put(
        "runs",
        services
            .runs()
            .runs(
                who.user(),
                workflow == null ? null : WorkflowId.fromId(workflow),
                status == null ? null : runStatus(status),
                member == null ? null : new MemberId(member),
                RUNS_LIMIT));
    params.put("workflow", workflow == null ? "" : workflow);
    params.put("status", status == null ? "" : status);
    params.put("member", member == null ? "" : member);
    ctx.html(pages.render("runs", params));
  }

  void run(Context ctx, SignedIn who) {
    String id = ctx.pathParam("id");
    Optional<RunThread> thread = services.runs().thread(who.user(), id, page(ctx));
    if (thread.isEmpty()) {
      notFound(ctx, who, "No run " + id + " in your clubs.");
      return;
    }
    RunThread found = thread.get();
    boolean offerRun =
        ctx.queryParam("confirm") != null && found.run().dryRun() && who.user().role().mayAct();
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(found.title(), "runs", who));
    params.put("thread", found);
    params.put(
        "confirmUrl",
        offerRun ? ConsoleUrls.workflow(found.run().club(), found.run().workflow(), "run") : null);
    ctx.html(pages.render("run", params));
  }

  void members(Context ctx, SignedIn who) {
    String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Members", "members", who));
    params.put("query", query);
    params.put(
        "members", query.isEmpty() ? List.of() : services.members().search(who.user(), query));
    ctx.html(pages.render("members", params));
  }

  void member(Context ctx, SignedIn who) {
    String id = ctx.pathParam("id");
    Optional<MemberTimeline> member = services.members().timeline(who.user(), new MemberId(id));
    if (member.isEmpty()) {
      notFound(ctx, who, "No member " + id + " in your clubs.");
      return;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(member.get().name(), "members", who));
    params.put("member", member.get());
    params.put("all", ctx.queryParam("all") != null);
    ctx.html(pages.render("member", params));
  }

  void outbox(Context ctx, SignedIn who) {
    List<OutboxTab> tabs = services.outbox().tabs(who.user());
    String view =
        Optional.ofNullable(blankToNull(ctx.queryParam("view")))
            .orElseGet(() -> OutboxQuery.opening(tabs));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Outbox", "outbox", who));
    String shown = view.toLowerCase(Locale.ROOT);
    long count =
        tabs.stream().filter(t -> t.view().equals(shown)).mapToLong(OutboxTab::count).sum();
    int last = (int) Math.max(1, (count + OutboxQuery.PAGE_SIZE - 1) / OutboxQuery.PAGE_SIZE);
    int page = Math.min(page(ctx), last);
    params.put("view", shown);
    params.put("tabs", tabs);
    params.put("page", page);
    params.put("pages", last);
    params.put("count", count);
    params.put("messages", services.outbox().messages(who.user(), view, page));
    ctx.html(pages.render("outbox", params));
  }

  void settings(Context ctx, SignedIn who) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Settings", "settings", who));
    params.put("clubs", services.settings().clubs(who.user()));
    params.put("integrations", services.settings().integrations());
    params.put("health", services.settings().health());
    ctx.html(pages.render("settings", params));
  }

  void approvals(Context ctx, SignedIn who) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Approvals", "approvals", who));
    params.put("approvals", services.approvals().inbox(who.user()));
    params.put("decided", Optional.ofNullable(ctx.queryParam("decided")).orElse(""));
    ctx.html(pages.render("approvals", params));
  }

  /** An approval's review list: its covered members, a page at a time, searchable. */
  void approval(Context ctx, SignedIn who) {
    String page = Optional.ofNullable(ctx.queryParam("page")).orElse("1").strip();
    int number;
    try {
      number = Integer.parseInt(page);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the page '" + page + "' is not a number");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Review list", "approvals", who));
    params.put(
        "review",
        services.approvals().review(who.user(), ctx.pathParam("id"), ctx.queryParam("q"), number));
    ctx.html(pages.render("approval", params));
  }

  void audit(Context ctx, SignedIn who) {
    page(
        ctx,
        "audit",
        Frame.of("Audit", "audit", who),
        "entries",
        services.audit().latest(who.user()));
  }

  private void page(Context ctx, String template, Frame frame, String name, Object value) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", frame);
    params.put(name, value);
    ctx.html(pages.render(template, params));
  }

  private void notFound(Context ctx, SignedIn who, String message) {
    ctx.status(404)
        .html(
            pages.render(
                "error", Map.of("frame", Frame.of("Not found", "", who), "message", message)));
  }

  /** The {@code page} query parameter: 1 when absent. */
  private static int page(Context ctx) {
    String text = ctx.queryParam("page");
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      int page = Integer.parseInt(text.trim());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a page number (use 1, 2, 3 ... in ?page=)");
  }

  private static RunStatus runStatus(String text) {
    try {
      return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a run status (use succeeded, partial, failed or running)");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
