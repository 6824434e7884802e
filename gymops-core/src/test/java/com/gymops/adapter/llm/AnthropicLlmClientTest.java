package com.gymops.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmMessage;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.application.port.LlmTool;
import com.gymops.application.port.LlmUnavailableException;
import com.gymops.application.port.LlmUnavailableException.Reason;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GymOps's records through the real SDK and a real transport, against the fake Messages API. */
class AnthropicLlmClientTest {
  private static final String KEY = "sk-ant-test";
  private static final LlmTool LOOKUP =
      new LlmTool(
          "get_member_profile",
          "A member's profile",
          "{\"type\":\"object\",\"properties\":{\"member_id\":{\"type\":\"string\"}}}");

  @Test
  void an_answer_comes_back_as_records_and_goes_back_as_it_came() {
    List<JsonNode> seen = new ArrayList<>();
    ScriptedModel model =
        request -> {
          seen.add(request);
          return seen.size() == 1
              ? new ScriptedModel.Answer()
                  .thinking("M1 first")
                  .text("Looking at M1.")
                  .call("get_member_profile", "{\"member_id\":\"M1\"}")
                  .toolUse()
              : new ScriptedModel.Answer().text("Done.").endTurn();
        };
    try (FakeMessagesApi api = new FakeMessagesApi(model);
        AnthropicLlmClient client = client(api.baseUrl(), 0)) {
      LlmMessage task = LlmMessage.user("Review the plan.");

      LlmResponse first = client.create(request(List.of(task)));

      assertThat(first.stopReason()).isEqualTo("tool_use");
      assertThat(first.model()).isEqualTo("claude-sonnet-5-5");
      assertThat(first.content()).hasSize(3);
      assertThat(first.content().get(0)).isInstanceOf(LlmContent.Thinking.class);
      assertThat(first.content().get(1)).isEqualTo(new LlmContent.Text("Looking at M1."));
      LlmContent.ToolUse call = first.toolUses().get(0);
      assertThat(call.name()).isEqualTo("get_member_profile");
      assertThat(call.inputJson()).isEqualTo("{\"member_id\":\"M1\"}");
      assertThat(first.usage().allInputTokens()).isPositive();
      assertThat(first.usage().outputTokens()).isPositive();
      JsonNode sent = seen.get(0);
      assertThat(sent.get("messages").get(0).get("content").asText()).isEqualTo("Review the plan.");
      assertThat(sent.get("system").get(0).get("cache_control").get("type").asText())
          .isEqualTo("ephemeral");
      assertThat(sent.get("tools").get(0).get("input_schema").get("properties").has("member_id"))
          .isTrue();

      LlmResponse second =
          client.create(
              request(
                  List.of(
                      task,
                      new LlmMessage(LlmMessage.Role.ASSISTANT, first.content()),
                      new LlmMessage(
                          LlmMessage.Role.USER,
                          List.of(
                              new LlmContent.ToolResult(call.id(), "{\"balance\":\"80.00\"}", false)
                                  .withCacheBreakpoint())))));

      // The fake refuses a thinking block whose signature changed on its way back.
      assertThat(api.rejections()).isEmpty();
      assertThat(second.stopReason()).isEqualTo("end_turn");
      JsonNode echoed = seen.get(1).get("messages").get(1).get("content");
      assertThat(echoed.get(0).get("signature").asText()).isNotBlank();
      assertThat(echoed.get(2).get("input").get("member_id").asText()).isEqualTo("M1");
      JsonNode result = seen.get(1).get("messages").get(2).get("content").get(0);
      assertThat(result.get("tool_use_id").asText()).isEqualTo(call.id());
      assertThat(result.get("cache_control").get("type").asText()).isEqualTo("ephemeral");
    }
  }

  @Test
  void an_overloaded_model_is_unavailable_as_overloaded() {
    try (FakeMessagesApi api =
            new FakeMessagesApi(
                request -> ScriptedModel.Reply.error(529, "overloaded_error", "busy"));
        AnthropicLlmClient client = client(api.baseUrl(), 0)) {
      assertThatThrownBy(() -> client.create(request(List.of(LlmMessage.user("Review.")))))
          .isInstanceOfSatisfying(
              LlmUnavailableException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.OVERLOADED);
                assertThat(e.status()).isEqualTo(529);
              });
    }
  }

  @Test
  void a_refused_request_is_unavailable_as_rejected() {
    try (FakeMessagesApi api =
            new FakeMessagesApi(
                request -> ScriptedModel.Reply.error(401, "authentication_error", "bad key"));
        AnthropicLlmClient client = client(api.baseUrl(), 0)) {
      assertThatThrownBy(() -> client.create(request(List.of(LlmMessage.user("Review.")))))
          .isInstanceOfSatisfying(
              LlmUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
    }
  }

  @Test
  void a_failing_provider_is_unavailable_as_a_provider_error() {
    try (FakeMessagesApi api =
            new FakeMessagesApi(request -> ScriptedModel.Reply.error(500, "api_error", "oops"));
        AnthropicLlmClient client = client(api.baseUrl(), 0)) {
      assertThatThrownBy(() -> client.create(request(List.of(LlmMessage.user("Review.")))))
          .isInstanceOfSatisfying(
              LlmUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR));
    }
  }

  @Test
  void no_server_at_the_address_is_no_answer() {
    String closed;
    try (FakeMessagesApi api = new FakeMessagesApi(request -> null)) {
      closed = api.baseUrl();
    }
    try (AnthropicLlmClient client = client(closed, 0)) {
      assertThatThrownBy(() -> client.create(request(List.of(LlmMessage.user("Review.")))))
          .isInstanceOfSatisfying(
              LlmUnavailableException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.NO_ANSWER);
                assertThat(e.status()).isZero();
              });
    }
  }

  private static AnthropicLlmClient client(String baseUrl, int retries) {
    return new AnthropicLlmClient(KEY, baseUrl, retries, Duration.ofSeconds(10));
  }

  private static LlmRequest request(List<LlmMessage> messages) {
    return new LlmRequest(
        "claude-sonnet-5-5",
        List.of(new LlmContent.Text("You review collections plans.", true)),
        messages,
        List.of(LOOKUP),
        1024);
  }
}
