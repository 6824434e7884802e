package com.gymops.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final Map<String, List<String>> TWILIO_EXAMPLE =
      Map.of(
          "CallSid", List.of("CA1234567890ABCDE"),
          "Caller", List.of("+12349013030"),
          "Digits", List.of("1234"),
          "From", List.of("+12349013030"),
          "To", List.of("+18005551212"));

  @Test
  void twilios_documented_example_matches() {
    TwilioSignature signature = new TwilioSignature("12345");

    assertThat(signature.of(URL, TWILIO_EXAMPLE)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    assertThat(signature.matches(URL, TWILIO_EXAMPLE, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
  }

  @Test
  void parameters_are_signed_sorted_by_name_whatever_their_order() throws Exception {
    Map<String, List<String>> form =
        Map.of("To", List.of("+15550001111"), "Body", List.of("STOP"), "From", List.of("+1555"));
    String url = "https://gym.example.com/webhooks/twilio/inbound";
    // Written out by hand, independently of the implementation's sort.
    String data = url + "Body" + "STOP" + "From" + "+1555" + "To" + "+15550001111";

    assertThat(new TwilioSignature("token").of(url, form)).isEqualTo(hmacSha1("token", data));
  }

  @Test
  void a_changed_parameter_url_or_key_does_not_match() {
    TwilioSignature signature = new TwilioSignature("12345");
    String good = signature.of(URL, TWILIO_EXAMPLE);
    Map<String, List<String>> changed = new java.util.HashMap<>(TWILIO_EXAMPLE);
    changed.put("Digits", List.of("9999"));

    assertThat(signature.matches(URL, changed, good)).isFalse();
    assertThat(signature.matches(URL + "&x=1", TWILIO_EXAMPLE, good)).isFalse();
    assertThat(new TwilioSignature("54321").matches(URL, TWILIO_EXAMPLE, good)).isFalse();
  }

  @Test
  void a_missing_or_empty_signature_does_not_match() {
    TwilioSignature signature = new TwilioSignature("12345");

    assertThat(signature.matches(URL, TWILIO_EXAMPLE, null)).isFalse();
    assertThat(signature.matches(URL, TWILIO_EXAMPLE, "")).isFalse();
  }

  @Test
  void the_token_is_never_printed() {
    assertThat(new TwilioSignature("s3cret").toString()).doesNotContain("s3cret");
  }

  private static String hmacSha1(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
