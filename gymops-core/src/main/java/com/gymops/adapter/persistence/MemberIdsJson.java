package com.gymops.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.domain.MemberId;
import java.util.Collection;

/** Member ids as the JSON array bound as {@code :ids} for {@code IN (<ids_of_json>)}. */
final class MemberIdsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MemberIdsJson() {}

  static String of(Collection<MemberId> members) {
    try {
      return JSON.writeValueAsString(members.stream().map(MemberId::value).distinct().toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write member ids as JSON", e);
    }
  }
}
