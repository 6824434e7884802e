package com.gymops.application.console;

import java.util.List;

/** A club's effective configuration: its identity, schedules and rules. */
public record ClubSettingsView(String club, String name, List<Setting> settings) {}
