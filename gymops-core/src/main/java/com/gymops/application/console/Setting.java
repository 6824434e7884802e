package com.gymops.application.console;

/** One effective setting, as the Settings page shows it. */
public record Setting(String key, String value) {}
