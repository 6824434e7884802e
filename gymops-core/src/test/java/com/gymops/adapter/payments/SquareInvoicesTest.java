package com.gymops.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.InvoiceIssuer.InvoiceRequest;
import com.gymops.application.port.InvoiceIssuer.IssuedInvoice;
import com.gymops.application.port.PaymentProviderException;
import com.gymops.domain.Money;
import com.gymops.fakes.FakeSquare;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Square's invoices made on demand, against the fake Square on loopback. */
class SquareInvoicesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUSTOMER = "JDKYHBWT1D4F8MFH63DBMEN8Y4";
  private static final InvoiceRequest REQUEST =
      new InvoiceRequest(
          CUSTOMER,
          Money.parse("59.00"),
          LocalDate.parse("2026-03-02"),
          "gymops-5f0c2b1e-0d55-3c5e-a4a4-4a9a1f6d7e21",
          "Past-due balance, Main Street Fitness");

  private FakeSquare square;
  private final List<Duration> waits = new ArrayList<>();
  private SquareInvoices invoices;

  @BeforeEach
  void start() {
    square = FakeSquare.start();
    invoices =
        new SquareInvoices(
            square.baseUrl(),
            FakeSquare.ACCESS_TOKEN,
            "2025-01-23",
            FakeSquare.LOCATION_ID,
            waits::add);
  }

  @AfterEach
  void stop() {
    square.close();
  }

  @Test
  void makes_an_order_a_shared_by_hand_invoice_for_it_and_publishes_it_for_its_public_url()
      throws Exception {
    IssuedInvoice issued = invoices.issue(REQUEST);

    assertThat(issued.payUrl()).isEqualTo("https://squareup.com/pay-invoice/" + issued.invoiceId());
    assertThat(square.requests())
        .extracting(FakeSquare.Request::path)
        .containsExactly(
            "/v2/orders", "/v2/invoices", "/v2/invoices/" + issued.invoiceId() + "/publish");
    assertThat(square.requests())
        .allSatisfy(request -> assertThat(request.squareVersion()).isEqualTo("2025-01-23"));
    JsonNode order = JSON.readTree(square.requests().get(0).body()).path("order");
    assertThat(order.path("location_id").asText()).isEqualTo(FakeSquare.LOCATION_ID);
    assertThat(order.path("line_items")).hasSize(1);
    assertThat(order.path("line_items").path(0).path("quantity").asText()).isEqualTo("1");
    assertThat(order.path("line_items").path(0).path("base_price_money").path("amount").asLong())
        .isEqualTo(5_900);
    Map<String, Object> invoice = square.invoiceNow(issued.invoiceId());
    assertThat(invoice)
        .containsEntry("status", "UNPAID")
        .containsEntry("delivery_method", "SHARE_MANUALLY")
        .containsEntry("location_id", FakeSquare.LOCATION_ID)
        .containsEntry("primary_recipient", Map.of("customer_id", CUSTOMER));
    JsonNode payment = JSON.valueToTree(invoice).path("payment_requests").path(0);
    assertThat(payment.path("request_type").asText()).isEqualTo("BALANCE");
    assertThat(payment.path("due_date").asText()).isEqualTo("2026-03-02");
    assertThat(payment.path("computed_amount_money").path("amount").asLong()).isEqualTo(5_900);
  }

  @Test
  void the_same_key_again_gets_the_same_invoice_and_square_makes_no_second_one() {
    IssuedInvoice first = invoices.issue(REQUEST);
    IssuedInvoice again = invoices.issue(REQUEST);

    assertThat(again).isEqualTo(first);
    assertThat(square.ordersNow()).hasSize(1);
    assertThat(square.invoicesNow()).hasSize(1);
    assertThat(square.invoiceNow(first.invoiceId())).containsEntry("version", 1);
  }

  @Test
  void a_429_is_waited_out_and_retried_with_the_same_key() {
    square.failNext(429);

    IssuedInvoice issued = invoices.issue(REQUEST);

    assertThat(issued.payUrl()).endsWith(issued.invoiceId());
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(square.requests()).hasSize(4);
    assertThat(square.requests().get(0).body()).isEqualTo(square.requests().get(1).body());
    assertThat(square.invoicesNow()).hasSize(1);
  }

  @Test
  void square_failing_three_times_is_an_error_and_leaves_no_invoice() {
    square.failNext(500, 503, 500);

    assertThatThrownBy(() -> invoices.issue(REQUEST))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("Square answered 500")
        .hasMessageContaining("API_ERROR");
    assertThat(square.invoicesNow()).isEmpty();
  }

  @Test
  void a_location_square_does_not_know_is_refused_with_squares_field() {
    SquareInvoices elsewhere =
        new SquareInvoices(
            square.baseUrl(), FakeSquare.ACCESS_TOKEN, "2025-01-23", "LNOWHERE", waits::add);

    assertThatThrownBy(() -> elsewhere.issue(REQUEST))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("NOT_FOUND")
        .hasMessageContaining("order.location_id");
    assertThat(waits).isEmpty();
  }

  @Test
  void without_a_location_nothing_is_asked_of_square() {
    SquareInvoices unset =
        new SquareInvoices(square.baseUrl(), FakeSquare.ACCESS_TOKEN, "2025-01-23", waits::add);

    assertThatThrownBy(() -> unset.issue(REQUEST))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("payments.square.location_id");
    assertThat(square.requests()).isEmpty();
  }

  @Test
  void the_same_key_with_another_amount_is_refused_as_square_does() {
    invoices.issue(REQUEST);

    assertThatThrownBy(
            () ->
                invoices.issue(
                    new InvoiceRequest(
                        CUSTOMER,
                        Money.parse("60.00"),
                        REQUEST.dueDate(),
                        REQUEST.idempotencyKey(),
                        REQUEST.title())))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("IDEMPOTENCY_KEY_REUSED");
    assertThat(square.invoicesNow()).hasSize(1);
  }
}
