package com.gymops.application.console;

import java.util.List;

/**
 * A club's effective configuration in labelled groups (the club, its workflows, texting, reminders,
 * door access, escalation, referral, campaigns, approvals), each setting in words with its unit.
 */
public record ClubSettingsView(String club, String name, List<Group> groups) {
  public record Group(String title, List<Setting> settings) {}
}
