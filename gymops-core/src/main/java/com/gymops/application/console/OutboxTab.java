package com.gymops.application.console;

/**
 * A tab of the Outbox page with how many messages it holds.
 *
 * @param view the view's name in the address ({@code ?view=due})
 * @param label the tab's name on the page, e.g. "Waiting"
 */
public record OutboxTab(String view, String label, long count) {}
