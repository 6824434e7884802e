package com.gymops.adapter.web.console;

import com.gymops.application.accounts.SignedIn;
import com.gymops.application.ask.AskAgent;
import com.gymops.application.ask.AskBox;
import com.gymops.application.console.ConsoleDenied;
import com.gymops.domain.ClubId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The Ask page: GET shows the box, POST (with the session's CSRF token) asks the question. */
final class AskHandlers {
  private final ConsoleServices services;
  private final ConsolePages pages;

  AskHandlers(ConsoleServices services, ConsolePages pages) {
    this.services = services;
    this.pages = pages;
  }

  void form(Context ctx, SignedIn who) {
    List<String> clubs = clubs(who);
    render(
        ctx,
        who,
        new AskPage(available(), clubs, clubs.isEmpty() ? "" : clubs.get(0), "", null, null));
  }

  void ask(Context ctx, SignedIn who) {
    List<String> clubs = clubs(who);
    String question = ctx.formParam("question");
    String club = ctx.formParam("club");
    if (club == null || club.isBlank()) {
      club = clubs.isEmpty() ? "" : clubs.get(0);
    }
    String asked = question == null ? "" : question;
    AskBox box = services.ask();
    if (box == null || !box.available()) {
      render(ctx, who, new AskPage(false, clubs, club, asked, null, null));
      return;
    }
    try {
      AskAgent.Answer answer = box.ask(who.user(), new ClubId(club), asked);
      render(ctx, who, new AskPage(true, clubs, club, asked, answer, null));
    } catch (ConsoleDenied | IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, who, new AskPage(true, clubs, club, asked, null, e.getMessage()));
    }
  }

  private boolean available() {
    return services.ask() != null && services.ask().available();
  }

  private List<String> clubs(SignedIn who) {
    AskBox box = services.ask();
    return box == null ? List.of() : box.clubs(who.user()).stream().map(ClubId::value).toList();
  }

  private void render(Context ctx, SignedIn who, AskPage page) {
    ctx.html(pages.render("ask", Map.of("frame", Frame.of("Ask", "ask", who), "page", page)));
  }
}
