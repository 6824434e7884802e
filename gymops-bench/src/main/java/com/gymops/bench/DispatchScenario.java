package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.config.ClubSettings;
import com.gymops.config.TwilioSettings;
import com.gymops.domain.Channel;
import com.gymops.domain.Member;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.fakes.FakeTwilio;
import com.gymops.policy.DeliveryTiming;
import com.gymops.policy.Recipient;
import com.gymops.policy.SendingWindow;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Queued texts through the real {@code Dispatcher} and {@code TwilioSmsGateway} to the fake Twilio
 * on loopback, on fresh copies of a demo club whose members the texts go to (the dispatcher checks
 * each member's STOP before sending): unthrottled against the same POSTs made straight with {@code
 * java.net.http}, then once at 10 messages per second, the achieved rate against the configured
 * one. The messages are queued through the outbox port before the clock starts, due at the bench's
 * 10:00 club-local instant, inside the sending window.
 */
final class DispatchScenario {
  /** A pacer interval of a microsecond: never waited for at loopback speed. */
  static final int UNTHROTTLED_RATE = 1_000_000;

  static final int THROTTLED_RATE = 10;

  private static final String BODY = "GymOps bench text %d for %s. Reply STOP to opt out.";

  private final BenchClub club;
  private final SeededClubs clubs;
  private final Consumer<String> progress;

  DispatchScenario(BenchClub club, SeededClubs clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  DispatchFigures measure(BenchSettings settings) {
    SeededClubs.Template template = clubs.template(Math.max(10, settings.dispatchMessages()));
    int messages = settings.dispatchMessages();
    List<Long> runs = new ArrayList<>();
    List<Long> baselines = new ArrayList<>();
    Pass last = null;
    for (int i = 0; i < settings.warmups() + settings.repetitions(); i++) {
      boolean recorded = i >= settings.warmups();
      last = pass(template, messages, UNTHROTTLED_RATE);
      long baseline = baseline(last.queued());
      progress.accept(
          String.format(
              "dispatch %s %d/%d: %d texts in %.2f s, baseline %.2f s",
              recorded ? "repetition" : "warm-up",
              recorded ? i - settings.warmups() + 1 : i + 1,
              recorded ? settings.repetitions() : settings.warmups(),
              last.result().sent(),
              last.nanos() / 1e9,
              baseline / 1e9));
      if (recorded) {
        runs.add(last.nanos());
        baselines.add(baseline);
      }
    }
    Timing run = Timing.ofNanos(runs);
    Timing baseline = Timing.ofNanos(baselines);
    DispatchFigures.Unthrottled unthrottled =
        new DispatchFigures.Unthrottled(
            messages,
            last.result().sent(),
            UNTHROTTLED_RATE,
            run,
            baseline,
            Timing.round(run.medianSeconds() / baseline.medianSeconds()),
            Math.round(messages / run.medianSeconds()),
            Math.round(messages / baseline.medianSeconds()));

    Pass throttled = pass(template, settings.throttledMessages(), THROTTLED_RATE);
    double seconds = throttled.nanos() / 1e9;
    int sent = throttled.result().sent();
    // The first text leaves at once; the pacer spaces the others: texts - 1 intervals.
    double achieved = (sent > 1 ? sent - 1 : sent) / seconds;
    double deviation = 100 * (achieved - THROTTLED_RATE) / THROTTLED_RATE;
    progress.accept(
        String.format(
            "dispatch throttled at %d/s: %d texts in %.2f s, %.2f/s",
            THROTTLED_RATE, sent, seconds, achieved));
    return new DispatchFigures(
        unthrottled,
        new DispatchFigures.Throttled(
            settings.throttledMessages(),
            sent,
            THROTTLED_RATE,
            Timing.round(seconds),
            Timing.round(achieved),
            Timing.round(deviation),
            Math.abs(deviation) <= DispatchFigures.Throttled.GOAL_PERCENT));
  }

  private record Pass(long nanos, DispatchResult result, List<OutboundMessage> queued) {}

  private Pass pass(SeededClubs.Template template, int messages, int ratePerSecond) {
    Path copy = clubs.copy(template);
    try (FakeTwilio twilio = FakeTwilio.start();
        GymOpsApp app = club.withTwilio(settingsOf(twilio), ratePerSecond).open(copy)) {
      Instant at = sendingInstant(app);
      List<OutboundMessage> queued = queue(app, messages, at);
      long started = System.nanoTime();
      DispatchResult result = app.dispatcher().dispatch(at);
      long nanos = System.nanoTime() - started;
      if (result.sent() != messages || twilio.requests().size() != messages) {
        throw new IllegalStateException(
            "dispatch sent "
                + result.sent()
                + " of "
                + messages
                + " texts, the fake received "
                + twilio.requests().size()
                + ": "
                + result);
      }
      return new Pass(nanos, result, queued);
    } finally {
      SeededClubs.deleteDirectory(copy);
    }
  }

  /**
   * The whole hour of the bench's day (club-local) at which the most of the club's members may be
   * texted. Their texting hours are read where each one lives: at 10:00 in a club whose zone is UTC
   * (a machine's default), every member in the United States is still asleep.
   */
  private Instant sendingInstant(GymOpsApp app) {
    ClubSettings settings = club.config().clubs().get(0);
    java.time.LocalDate day = club.at().atZone(settings.club().zone()).toLocalDate();
    Instant best = club.at();
    int most = textable(app, best).size();
    for (int hour = 0; hour < 24; hour++) {
      Instant candidate = day.atTime(hour, 0).atZone(settings.club().zone()).toInstant();
      int count = textable(app, candidate).size();
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }

  /**
   * The members who can get a reminder at {@code at}: a phone, no STOP, still owing and not
   * referred (the dispatcher drops a reminder to anyone paid up or referred), inside their window.
   */
  private List<Member> textable(GymOpsApp app, Instant at) {
    ClubSettings settings = club.config().clubs().get(0);
    SendingWindow window = settings.policy().messaging().window();
    var referred = app.stores().referrals().openInClub(settings.club().id());
    return app.stores().members().inClub(settings.club().id()).stream()
        .filter(m -> m.phone() != null && !m.smsOptedOut() && !m.phoneUnusable())
        .filter(m -> m.isPastDue() && !referred.containsKey(m.id()))
        .filter(m -> DeliveryTiming.isInside(at, Recipient.of(m, settings.club()), window))
        .toList();
  }

  /**
   * Reminders to the members who can get one at {@code at}, round the club as often as needed;
   * returns them. Only members whose state's texting hours are open at the bench's instant, and who
   * still owe: the dispatcher drops a reminder to anyone paid up or referred.
   */
  private List<OutboundMessage> queue(GymOpsApp app, int messages, Instant at) {
    List<Member> textable = textable(app, at);
    if (textable.isEmpty()) {
      throw new IllegalStateException("the demo club has no member to text at " + at);
    }
    List<OutboundMessage> queued = new ArrayList<>(messages);
    for (int i = 0; i < messages; i++) {
      Member member = textable.get(i % textable.size());
      queued.add(
          new OutboundMessage(
              0,
              "bench-dispatch:" + i,
              club.club().id(),
              member.id(),
              Channel.SMS,
              member.phone(),
              MessagePurpose.REMINDER,
              "bench",
              null,
              String.format(BODY, i, member.firstName()),
              1,
              MessageStatus.QUEUED,
              at,
              at,
              null,
              null,
              null));
    }
    app.stores()
        .transactor()
        .inTransaction(() -> queued.forEach(message -> app.stores().outbox().enqueue(message)));
    return queued;
  }

  /** The same POSTs, one after the other, with nothing between the messages and the wire. */
  private static long baseline(List<OutboundMessage> messages) {
    try (FakeTwilio twilio = FakeTwilio.start()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI uri =
          URI.create(
              twilio.baseUrl()
                  + "/2010-04-01/Accounts/"
                  + FakeTwilio.ACCOUNT_SID
                  + "/Messages.json");
      String authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN)
                          .getBytes(StandardCharsets.UTF_8));
      List<String> forms =
          messages.stream()
              .map(
                  message ->
                      "To="
                          + encode(message.recipient())
                          + "&From="
                          + encode(FakeTwilio.FROM)
                          + "&Body="
                          + encode(message.body()))
              .toList();
      long started = System.nanoTime();
      for (String form : forms) {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
          throw new IllegalStateException(
              "the fake Twilio answered " + response.statusCode() + ": " + response.body());
        }
      }
      return System.nanoTime() - started;
    } catch (IOException e) {
      throw new IllegalStateException("the baseline could not reach the fake Twilio", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static TwilioSettings settingsOf(FakeTwilio twilio) {
    return new TwilioSettings(
        FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, FakeTwilio.FROM, null, twilio.baseUrl());
  }
}
