package com.gymops.application.port;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report file for the manager (the referral list for the agency, the escalation
 * cases); returns where it went.
 */
public interface ReportWriter {
  String write(WorkflowId workflow, ClubId club, LocalDate date, List<Map<String, Object>> rows);
}
