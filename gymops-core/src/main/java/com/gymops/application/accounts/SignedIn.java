package com.gymops.application.accounts;

import com.gymops.domain.ConsoleSession;
import com.gymops.domain.ConsoleUser;

/** A live session and its user, as a request sees them. */
public record SignedIn(ConsoleUser user, ConsoleSession session) {}
