package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description lists the contract endpoints, and bad input gets problem+json naming the field. */
@WaarborgIntegrationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void apiDocsDescribeTheContract() {
        HttpResponse<String> docs = Http.api(port).as("manager", "demo").get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/systems")
                .contains("/api/systems/{id}/cycles")
                .contains("/api/systems/{id}/triggers")
                .contains("/api/assessments/{id}/versions/{number}")
                .contains("/api/assessments/{id}/diff")
                .contains("/api/oversight/blocked")
                .contains("/api/audit/verify")
                .contains("/api/systems/{id}/register-entry")
                .contains("/api/systems/{id}/register-entry/approval")
                .contains("/api/register-entries")
                .contains("/api/systems/{id}/eu-registration")
                .contains("/api/systems/{id}/eu-registration/reference")
                .contains("/api/tasks/{id}/draft")
                .contains("/api/admin/locked-addresses/{address}/unlock")
                .contains("No rule or content check reads a draft")
                .contains("discarding is idempotent")
                .contains("The privacy officer publishes the latest draft")
                .contains("Annex VIII section C");
        assertThat(Http.api(port).get("/v3/api-docs").statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsA400ThatNamesTheField() {
        Http lead = Http.api(port).as("lead", "demo");
        HttpResponse<String> missing = lead.postJson("/api/systems", "{\"description\":\"geen naam\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"field\":\"department\"").contains("name");

        HttpResponse<String> wrongType = lead.postJson("/api/systems", "{\"name\":[1,2],\"department\":\"X\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"name\"");

        HttpResponse<String> malformed = lead.postJson("/api/systems", "{\"name\": \"x\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");

        HttpResponse<String> badTrigger = lead.postJson("/api/systems/unknown-id/triggers", "{\"type\":\"FLOOD\"}");
        assertThat(badTrigger.statusCode()).isEqualTo(400);
        assertThat(badTrigger.body()).contains("\"field\":\"type\"");

        assertThat(lead.postJson("/api/systems/unknown-id/cycles", "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"department\":\"X\"}";
        HttpResponse<String> response = Http.api(port).as("lead", "demo").postJson("/api/systems", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /**
     * A client that writes its whole 10 MB body before it reads anything still gets the 413 (Tomcat reads and
     * discards a refused body up to 64 MB): before, the server closed the connection after 2 MB, the client's write
     * failed and the 413 was lost.
     */
    @Test
    void aClientThatSendsItsWholeOversizedBodyBeforeReadingGetsThe413() throws Exception {
        byte[] body = new byte[10_000_000];
        Arrays.fill(body, (byte) 'x');
        String head = "POST /api/systems HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("lead:demo".getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }
}
