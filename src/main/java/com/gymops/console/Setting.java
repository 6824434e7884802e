package com.gymops.console;

/** One effective setting, as the Settings page shows it. */
public record Setting(String key, String value) {}
