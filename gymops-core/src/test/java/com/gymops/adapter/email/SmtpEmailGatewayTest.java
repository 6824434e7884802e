package com.gymops.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.SendResult;
import com.gymops.application.port.SendResult.Status;
import com.gymops.config.SmtpSettings;
import com.gymops.config.SmtpSettings.Security;
import com.gymops.domain.Attachment;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailGatewayTest {
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String FROM = "Main Street Fitness <gymops@example.com>";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("gymops", "mail-secret"));

  private static SmtpSettings plain(String username, String password) {
    return new SmtpSettings(
        "127.0.0.1", MAIL.getSmtp().getPort(), Security.NONE, username, password, FROM, 5);
  }

  private static OutboundMessage email(String to, String subject, Attachment attachment) {
    return new OutboundMessage(
        3,
        "key-" + to,
        new ClubId("main"),
        attachment == null ? new MemberId("M1") : null,
        Channel.EMAIL,
        to,
        attachment == null ? MessagePurpose.REMINDER : MessagePurpose.MANAGER,
        "reminder_friendly",
        subject,
        "Hi Ana, your balance of $30.00 is past due. Grüße!",
        0,
        MessageStatus.SENDING,
        NOW,
        NOW,
        null,
        null,
        null,
        attachment);
  }

  @Test
  void a_member_email_arrives_with_its_subject_sender_and_text() throws Exception {
    SendResult result =
        new SmtpEmailGateway(plain("gymops", "mail-secret"), CLOCK)
            .send(email("ana@example.com", "Main Street Fitness: payment reminder", null));

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    MimeMessage received = MAIL.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Main Street Fitness: payment reminder");
    assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    assertThat(received.getContent().toString().strip())
        .isEqualTo("Hi Ana, your balance of $30.00 is past due. Grüße!");
    assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
  }

  @Test
  void a_report_travels_as_a_csv_attachment() throws Exception {
    String csv = "member_id,name,amount\r\nM1,Ana Lopez,250.00\r\n";

    SendResult result =
        new SmtpEmailGateway(plain("gymops", "mail-secret"), CLOCK)
            .send(
                email(
                    "manager@example.com",
                    "GymOps: Escalated collection cases",
                    new Attachment("escalations-main-2026-12-01.csv", csv)));

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    Multipart parts = (Multipart) MAIL.getReceivedMessages()[0].getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart file = parts.getBodyPart(1);
    assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(file.getFileName()).isEqualTo("escalations-main-2026-12-01.csv");
    assertThat(file.getContentType()).startsWith("text/csv");
    assertThat(
            new String(
                file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualToNormalizingNewlines(csv);
  }

  @Test
  void tls_from_the_first_byte_delivers_too() {
    SmtpSettings tls =
        new SmtpSettings(
            "127.0.0.1", MAIL.getSmtps().getPort(), Security.TLS, "gymops", "mail-secret", FROM, 5);
    Properties trustTestCertificate = new Properties();
    trustTestCertificate.put("mail.smtps.ssl.trust", "*");
    trustTestCertificate.put("mail.smtps.ssl.checkserveridentity", "false");

    SendResult result =
        new SmtpEmailGateway(tls, CLOCK, trustTestCertificate)
            .send(email("ana@example.com", "Hi", null));

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void a_refused_login_is_retried_later_and_nothing_is_sent() {
    SendResult result =
        new SmtpEmailGateway(plain("gymops", "wrong"), CLOCK)
            .send(email("ana@example.com", "Hi", null));

    assertThat(result.status()).isEqualTo(Status.RETRY);
    assertThat(result.error()).startsWith("smtp login refused");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void an_unreachable_server_is_retried_later() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SmtpSettings nowhere =
        new SmtpSettings("127.0.0.1", closedPort, Security.NONE, null, null, FROM, 5);

    SendResult result =
        new SmtpEmailGateway(nowhere, CLOCK).send(email("a@example.com", "Hi", null));

    assertThat(result.status()).isEqualTo(Status.RETRY);
    assertThat(result.error()).startsWith("smtp server unreachable");
  }

  @Test
  void a_server_without_starttls_never_gets_the_password_in_the_clear() {
    SmtpSettings starttls =
        new SmtpSettings(
            "127.0.0.1",
            MAIL.getSmtp().getPort(),
            Security.STARTTLS,
            "gymops",
            "mail-secret",
            FROM,
            5);

    SendResult result =
        new SmtpEmailGateway(starttls, CLOCK).send(email("ana@example.com", "Hi", null));

    assertThat(result.status()).isEqualTo(Status.RETRY);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_malformed_address_fails_for_good() {
    SendResult result =
        new SmtpEmailGateway(plain(null, null), CLOCK).send(email("not an address", "Hi", null));

    assertThat(result.status()).isEqualTo(Status.REJECTED);
    assertThat(result.error()).startsWith("smtp: bad address");
  }
}
