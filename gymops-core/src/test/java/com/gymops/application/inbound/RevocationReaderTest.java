package com.gymops.application.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.InboundMeaning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevocationReaderTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "STOP",
        "stop",
        " Stop ",
        "STOP.",
        "Stop!!",
        "S T O P",
        "STOPALL",
        "unsubscribe",
        "Unsubscribe me",
        "CANCEL",
        "end",
        "QUIT",
        "revoke",
        "OptOut",
        "opt out",
        "Opt-Out",
        "OPT OUT please",
        "please stop texting me",
        "Please stop texting me!",
        "remove me",
        "Remove me from your list",
        "stop texting me",
        "Don't text me anymore",
        "do not text me",
        "no more texts",
        "PARAR",
        "Cancelar",
        "BAJA",
        "baja por favor",
        "darme de baja",
        "No me manden más mensajes",
        "please stop"
      })
  void revocations_in_any_reasonable_words_opt_out(String body) {
    assertThat(RevocationReader.read(body)).isEqualTo(InboundMeaning.OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"YES", "yes", "Yes!", "START", "start ", "Unstop", "Sí"})
  void yes_start_and_unstop_opt_in(String body) {
    assertThat(RevocationReader.read(body)).isEqualTo(InboundMeaning.OPT_IN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", " HELP", "Help?", "AYUDA", "info"})
  void help_in_english_and_spanish(String body) {
    assertThat(RevocationReader.read(body)).isEqualTo(InboundMeaning.HELP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stop sending me bills, I paid",
        "STOP it, I already paid yesterday",
        "I paid, stop",
        "cancel my membership",
        "unsubscribe me from the promos but keep the receipts",
        "stop the marketing texts"
      })
  void a_revocation_mixed_with_other_words_is_ambiguous(String body) {
    assertThat(RevocationReader.read(body)).isEqualTo(InboundMeaning.AMBIGUOUS_OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "thanks", "What time do you open?", "I'll stop by tomorrow", "ok"})
  void anything_else_is_other(String body) {
    assertThat(RevocationReader.read(body)).isEqualTo(InboundMeaning.OTHER);
  }
}
