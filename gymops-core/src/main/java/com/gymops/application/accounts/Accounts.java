package com.gymops.application.accounts;

import com.gymops.application.care.Actor;
import com.gymops.application.care.Audit;
import com.gymops.application.port.store.ConsoleSessionStore;
import com.gymops.application.port.store.ConsoleUserStore;
import com.gymops.application.port.store.LoginThrottleStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleSession;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.ThrottleCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The console's users and sessions: adding and disabling users, logging in (throttled per account
 * and per address), finding the live session behind a cookie, logging out. Thread-safe.
 */
public final class Accounts {
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** The idle clock is advanced at most once a minute, so reading a page rarely writes. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final String REFUSED = "wrong email or password";
  private static final String THROTTLED =
      "too many failed logins: wait 15 minutes before trying again";

  private final ConsoleUserStore users;
  private final ConsoleSessionStore sessions;
  private final LoginThrottleStore throttle;
  private final Argon2idPasswords passwords;
  private final SessionTimeouts timeouts;
  private final Set<ClubId> knownClubs;
  private final Audit audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  // Checked when the email is unknown, so a wrong email costs as long as a wrong password; made
  // at the first login, so commands that never log anyone in do not pay for it.
  private volatile String decoyHash;

  public Accounts(
      ConsoleUserStore users,
      ConsoleSessionStore sessions,
      LoginThrottleStore throttle,
      Argon2idPasswords passwords,
      SessionTimeouts timeouts,
      Set<ClubId> knownClubs,
      Audit audit,
      Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.passwords = passwords;
    this.timeouts = timeouts;
    this.knownClubs = Set.copyOf(knownClubs);
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Adds a user, audited as done by {@code by}.
   *
   * @param clubs the clubs the user sees; empty for all clubs
   * @throws AccountException for a malformed email, a short password, an unknown club or a taken
   *     email
   */
  public ConsoleUser add(
      Actor by, String email, ConsoleRole role, Set<ClubId> clubs, char[] password) {
    String login = normalise(email);
    if (!EMAIL.matcher(login).matches()) {
      throw new AccountException("'" + email + "' is not an email address");
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new AccountException(
          "the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    Set<String> unknown = new TreeSet<>();
    clubs.stream().filter(c -> !knownClubs.contains(c)).forEach(c -> unknown.add(c.value()));
    if (!unknown.isEmpty()) {
      throw new AccountException("no club " + String.join(", ", unknown) + " in the configuration");
    }
    ConsoleUser user =
        new ConsoleUser(
            login, role, clubs.isEmpty(), clubs, passwords.hash(password), false, clock.instant());
    if (!users.add(user)) {
      throw new AccountException("a user " + login + " already exists");
    }
    audit.record(by, null, "user-add", target(login), "no user", describe(user), null);
    return user;
  }

  public List<ConsoleUser> users() {
    return users.all();
  }

  public Optional<ConsoleUser> user(String email) {
    return users.find(normalise(email));
  }

  /** Disables the user and ends their open sessions at once; returns how many ended. */
  public int disable(Actor by, String email) {
    String login = normalise(email);
    ConsoleUser before =
        users
            .find(login)
            .orElseThrow(
                () -> new AccountException("no user " + login + "; see 'gymops users list'"));
    users.setDisabled(login, true);
    int ended = sessions.revokeAllOf(login, clock.instant());
    audit.record(
        by,
        null,
        "user-disable",
        target(login),
        describe(before),
        "disabled; " + ended + " open sessions ended",
        null);
    return ended;
  }

  private static String target(String login) {
    return "user:" + login;
  }

  private static String describe(ConsoleUser user) {
    return user.role().code()
        + ", "
        + (user.allClubs()
            ? "all clubs"
            : new TreeSet<>(user.clubs().stream().map(ClubId::value).toList()).toString())
        + (user.disabled() ? ", disabled" : "");
  }

  public LoginResult login(String email, char[] password, String address) {
    Instant now = clock.instant();
    String login = normalise(email);
    String accountKey = "account:" + login;
    String addressKey = "address:" + address;
    // Counted before the password is checked: of attempts sent together, only as many as the
    // throttle allows reach the (slow) check, whatever their order.
    ThrottleCounter byAccount =
        throttle.update(accountKey, c -> LoginThrottle.PER_ACCOUNT.afterAttempt(c, now));
    ThrottleCounter byAddress =
        throttle.update(addressKey, c -> LoginThrottle.PER_ADDRESS.afterAttempt(c, now));
    if (LoginThrottle.PER_ACCOUNT.refuses(byAccount)
        || LoginThrottle.PER_ADDRESS.refuses(byAddress)) {
      return new LoginResult.Refused(THROTTLED, true);
    }
    Optional<ConsoleUser> user = users.find(login).filter(u -> !u.disabled());
    boolean matches =
        passwords.matches(password, user.map(ConsoleUser::passwordHash).orElseGet(this::decoyHash));
    if (user.isEmpty() || !matches) {
      audit.record(
          Actor.person(login), null, "login-refused", target(login), null, null, "from " + address);
      return new LoginResult.Refused(REFUSED, false);
    }
    // The attempt is given back rather than the count cleared: a success among guesses sent
    // together must not open a fresh allowance for the guesses still in flight.
    throttle.update(accountKey, c -> LoginThrottle.PER_ACCOUNT.afterSuccess(c, now));
    throttle.update(addressKey, c -> LoginThrottle.PER_ADDRESS.afterSuccess(c, now));
    String token = token();
    sessions.open(new ConsoleSession(hash(token), login, token(), address, now, now, null));
    audit.record(
        Actor.person(login),
        null,
        "login",
        target(login),
        null,
        "session opened",
        "from " + address);
    return new LoginResult.LoggedIn(token, user.get());
  }

  private String decoyHash() {
    String hash = decoyHash;
    if (hash == null) {
      hash = passwords.hash(generatedPassword().toCharArray());
      decoyHash = hash;
    }
    return hash;
  }

  /** The live session of the cookie's token and its enabled user; empty otherwise. */
  public Optional<SignedIn> signedIn(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String tokenHash = hash(token);
    Optional<ConsoleSession> session =
        sessions.find(tokenHash).filter(s -> timeouts.isLive(s, now));
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Optional<ConsoleUser> user = users.find(session.get().email()).filter(u -> !u.disabled());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    if (!now.isBefore(session.get().lastSeenAt().plus(TOUCH_EVERY))) {
      sessions.touch(tokenHash, now);
    }
    return Optional.of(new SignedIn(user.get(), session.get()));
  }

  public void logout(SignedIn who) {
    sessions.revoke(who.session().tokenHash(), clock.instant());
    audit.record(
        Actor.person(who.user().email()),
        null,
        "logout",
        target(who.user().email()),
        "session open",
        "session ended",
        null);
  }

  /** A fresh random password for a first account, printed once. */
  public String generatedPassword() {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String normalise(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
