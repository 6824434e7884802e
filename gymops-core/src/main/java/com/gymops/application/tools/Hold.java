package com.gymops.application.tools;

import com.gymops.application.run.Outcome;

/**
 * A member whose planned actions were held for a person to review in this run.
 *
 * @param actions how many planned actions were held
 * @param note what became of the manager-review note
 */
public record Hold(String memberId, String reason, int actions, Outcome note) {}
