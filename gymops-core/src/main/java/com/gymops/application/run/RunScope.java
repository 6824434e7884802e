package com.gymops.application.run;

import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.policy.Action;
import com.gymops.policy.OneOffMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which members a run reads, and which actions it may execute: the whole club and everything its
 * policy plans (the schedule, {@code gymops run}); or a few members, of whom the run reads nothing
 * else, and of whose plan it keeps only some actions (a payment's unlock, an approval's covered
 * actions) or executes actions a person decided (a manual lock). Whatever the scope, the run goes
 * through the same lifecycle: one run record, the plan ledger, one event per action.
 */
public sealed interface RunScope {
  /** The members the run looks at; empty for the whole club. */
  Set<MemberId> memberIds();

  /** What the run is recorded as (the run's mode column), given the mode it was asked in. */
  String recordedAs(RunMode mode);

  /** Whether a person started the run for what they decided: its effects happen as they ask. */
  default boolean byPerson() {
    return false;
  }

  /** Who asked for what the run files for approval; empty: the rule that withheld it. */
  default Optional<String> requestedBy() {
    return Optional.empty();
  }

  /** The whole club, every action its policy plans. */
  static RunScope wholeClub() {
    return WholeClub.INSTANCE;
  }

  /** The club and every action its policy plans. */
  enum WholeClub implements RunScope {
    INSTANCE;

    @Override
    public Set<MemberId> memberIds() {
      return Set.of();
    }

    @Override
    public String recordedAs(RunMode mode) {
      return mode.code();
    }
  }

  /**
   * A few members, as the caller has just read them (the run reads the rest of what their policy
   * needs, not them again), and the actions of {@code rules} the policy plans for them (every rule
   * when empty): a payment asks door-access for its member's unlock, never a lock.
   */
  record Members(List<Member> members, Set<String> rules) implements RunScope {
    public Members {
      members = List.copyOf(members);
      rules = Set.copyOf(rules);
      if (members.isEmpty()) {
        throw new IllegalArgumentException("a run for members needs at least one member");
      }
    }

    @Override
    public Set<MemberId> memberIds() {
      Set<MemberId> ids = new LinkedHashSet<>();
      members.forEach(member -> ids.add(member.id()));
      return ids;
    }

    @Override
    public String recordedAs(RunMode mode) {
      return mode.code();
    }
  }

  /**
   * The actions an approval covers, each executed only if the policy still plans it for its member
   * as they are now, with the approval gates and the breaker lifted (a person approved them).
   */
  record Approved(List<ApprovalAction> covered) implements RunScope {
    public static final String RECORDED_AS = "approval";

    public Approved {
      covered = List.copyOf(covered);
    }

    @Override
    public Set<MemberId> memberIds() {
      Set<MemberId> members = new LinkedHashSet<>();
      covered.stream().map(ApprovalAction::memberId).filter(Objects::nonNull).forEach(members::add);
      return members;
    }

    @Override
    public String recordedAs(RunMode mode) {
      return RECORDED_AS;
    }

    @Override
    public boolean byPerson() {
      return true;
    }

    /** Whether {@code planned} is the covered action: same member, action, detail and rule. */
    public static boolean covers(ApprovalAction covered, Action planned) {
      return Objects.equals(planned.member(), covered.memberId())
          && planned.name().equals(covered.action())
          && planned.detail().equals(covered.detail())
          && planned.rule().equals(covered.rule());
    }
  }

  /**
   * Actions a person decided (a manual lock or unlock), executed as they are: the policy is not
   * asked, the members are read for the executor and the run's record.
   */
  record Manual(List<Action> actions) implements RunScope {
    public static final String RECORDED_AS = "manual";

    public Manual {
      actions = List.copyOf(actions);
      if (actions.isEmpty() || actions.stream().anyMatch(a -> a.member() == null)) {
        throw new IllegalArgumentException("a manual run is of members' actions, at least one");
      }
    }

    @Override
    public Set<MemberId> memberIds() {
      Set<MemberId> members = new LinkedHashSet<>();
      actions.forEach(action -> members.add(action.member()));
      return members;
    }

    @Override
    public String recordedAs(RunMode mode) {
      return RECORDED_AS;
    }

    @Override
    public boolean byPerson() {
      return true;
    }
  }

  /**
   * A one-off message someone asked for (docs/ASK.md): the whole club is read, the message is
   * planned under the campaigns' guard ({@link com.gymops.policy.OneOffMessagePolicy}), and every
   * text is withheld for a person to approve; the approval's execution sends them ({@link
   * Approved}), planning the message again from the texts' inputs.
   */
  record OneOff(OneOffMessage message, String asker) implements RunScope {
    public static final String RECORDED_AS = "request";

    public OneOff {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(asker, "asker");
    }

    @Override
    public Set<MemberId> memberIds() {
      return Set.of();
    }

    @Override
    public String recordedAs(RunMode mode) {
      return RECORDED_AS;
    }

    @Override
    public Optional<String> requestedBy() {
      return Optional.of(asker);
    }
  }
}
