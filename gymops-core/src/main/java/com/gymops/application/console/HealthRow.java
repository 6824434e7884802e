package com.gymops.application.console;

/**
 * One integration on the Settings page: whether the configuration uses it, and how it last answered
 * ("never" before its first answer).
 */
public record HealthRow(
    String name, boolean inUse, String lastSuccess, String lastErrorAt, String lastError) {}
