package com.gymops.bench;

/**
 * What the startup scenario measured, each in a child JVM on a fresh data directory.
 *
 * @param serve from starting {@code gymops serve --port 0} until {@code /health} answers 200: JVM
 *     start, embedded database created and migrated, scheduler and web server started
 * @param jvmBaseline from starting {@code gymops --version} until it exits: the JVM and the CLI
 * @param ratio serve median / baseline median
 */
public record StartupFigures(Timing serve, Timing jvmBaseline, double ratio) {}
