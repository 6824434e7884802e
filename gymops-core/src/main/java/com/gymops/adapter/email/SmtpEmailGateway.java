package com.gymops.adapter.email;

import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.config.SmtpSettings;
import com.gymops.domain.OutboundMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends email over SMTP with Jakarta Mail (Angus): plain text, and a manager's report CSV as an
 * attachment. A server that cannot be reached, refuses the login or answers 4xx is tried again
 * later; a 5xx refusal of the recipient or message fails it; a connection lost after the message
 * was handed over is an unknown outcome, never resent blindly. Thread-safe: each send opens its own
 * connection.
 */
public final class SmtpEmailGateway implements MessageGateway {
  private final SmtpSettings settings;
  private final Session session;
  private final Clock clock;

  public SmtpEmailGateway(SmtpSettings settings, Clock clock) {
    this(settings, clock, new Properties());
  }

  /** {@code extra} adds Jakarta Mail properties, e.g. trusting a test server's certificate. */
  SmtpEmailGateway(SmtpSettings settings, Clock clock, Properties extra) {
    this.settings = settings;
    this.clock = clock;
    Properties properties = new Properties();
    String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    properties.put("mail.transport.protocol", protocol);
    properties.put(prefix + "host", settings.host());
    properties.put(prefix + "port", Integer.toString(settings.port()));
    properties.put(prefix + "auth", Boolean.toString(settings.username() != null));
    String timeout = Integer.toString(settings.timeoutSeconds() * 1000);
    properties.put(prefix + "connectiontimeout", timeout);
    properties.put(prefix + "timeout", timeout);
    properties.put(prefix + "writetimeout", timeout);
    if (settings.security() == SmtpSettings.Security.STARTTLS) {
      // Required, not merely enabled: a server that does not offer STARTTLS must not get the
      // password and the members' messages in the clear.
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    properties.putAll(extra);
    this.session = Session.getInstance(properties);
  }

  @Override
  public SendResult send(OutboundMessage message) {
    MimeMessage mail;
    try {
      mail = compose(message);
    } catch (AddressException e) {
      return SendResult.rejected("smtp: bad address: " + e.getMessage());
    } catch (MessagingException e) {
      return SendResult.rejected("smtp: cannot compose the message: " + e.getMessage());
    }
    Transport transport;
    try {
      transport = session.getTransport();
      transport.connect(settings.username(), settings.password());
    } catch (MailConnectException e) {
      return SendResult.retry("smtp server unreachable: " + e.getMessage());
    } catch (AuthenticationFailedException e) {
      return SendResult.retry("smtp login refused: " + e.getMessage());
    } catch (MessagingException e) {
      // Nothing was handed over before the connection was set up (e.g. STARTTLS refused).
      return SendResult.retry("smtp: " + e.getMessage());
    }
    try {
      transport.sendMessage(mail, mail.getAllRecipients());
      return SendResult.accepted(mail.getMessageID());
    } catch (SMTPAddressFailedException e) {
      return byReturnCode(e.getReturnCode(), "smtp refused " + message.recipient(), e);
    } catch (SMTPSendFailedException e) {
      return byReturnCode(e.getReturnCode(), "smtp refused the message", e);
    } catch (SendFailedException e) {
      if (e.getNextException() instanceof SMTPAddressFailedException address) {
        return byReturnCode(address.getReturnCode(), "smtp refused " + message.recipient(), e);
      }
      return SendResult.rejected("smtp refused the message: " + e.getMessage());
    } catch (MessagingException e) {
      return SendResult.unknown("smtp connection lost while sending: " + e.getMessage());
    } finally {
      closeQuietly(transport);
    }
  }

  /** The message was handed over (or not) already; a failed QUIT changes nothing about it. */
  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // see above
    }
  }

  private static SendResult byReturnCode(int code, String what, MessagingException e) {
    String error = what + " (" + code + "): " + e.getMessage().strip();
    return code >= 400 && code < 500 ? SendResult.retry(error) : SendResult.rejected(error);
  }

  private MimeMessage compose(OutboundMessage message) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(settings.from(), true));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
    mail.setSubject(
        message.subject() != null ? message.subject() : "GymOps", StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(clock.instant()));
    if (message.attachment() == null) {
      mail.setText(message.body(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.body(), StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setContent(message.attachment().text(), "text/csv; charset=UTF-8");
      file.setFileName(message.attachment().fileName());
      file.setDisposition(MimeBodyPart.ATTACHMENT);
      mail.setContent(new MimeMultipart(text, file));
    }
    mail.saveChanges();
    return mail;
  }
}
