package nl.waarborg.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps of an HTTP test as the demo users (password "demo"): register a system, find a system's open task by its
 * activity, complete it on /api or on /engine-rest (complete or submit-form), and check that a refusal is a 400
 * problem that names the field at fault and leaks no stack trace.
 */
public final class ApiSteps {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public ApiSteps(int port) {
        this.port = port;
    }

    public Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Registers a system as {@code user} on /api and returns its id. */
    public String newSystem(String user, String name, String department) {
        HttpResponse<String> created =
                as(user).postJson("/api/systems", write(Map.of("name", name, "department", department)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asText();
    }

    /** The id of the system's open task at {@code activityId} as {@code user} sees it on /api/tasks. */
    public String task(String user, String systemId, String activityId) {
        for (JsonNode task : json(as(user).get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && activityId.equals(task.path("activityId").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No open task " + activityId + " for " + systemId + " seen by " + user);
    }

    public HttpResponse<String> viaApi(String user, String taskId, Map<String, ?> values) {
        return as(user).postJson("/api/tasks/" + taskId + "/complete", write(values));
    }

    /** {@code operation}: "complete" or "submit-form"; each value is sent as Camunda's {"value": …}. */
    public HttpResponse<String> viaEngineRest(String user, String taskId, String operation, Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return as(user).postJson(
                        "/engine-rest/task/" + taskId + "/" + operation, write(Map.of("variables", variables)));
    }

    /** A browser session of the demo user, logged in through the login form. */
    public Http session(String user) {
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return browser;
    }

    /** A JSON POST in a browser session as the pages' scripts send it: with the CSRF token of a page of the session. */
    public static HttpResponse<String> postOnPage(Http session, String path, String json) {
        String csrf = Http.csrfTokenFrom(session.get("/taken").body());
        return session.send(session.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Waarborg's task page: its JSON completion with the session's CSRF token (a refusal answers in Dutch). */
    public HttpResponse<String> viaPage(String user, String taskId, Map<String, ?> values) {
        return completeOnPage(session(user), taskId, write(values));
    }

    /** The task page's "Afronden" in a browser session: the answers as JSON (a refusal answers in Dutch). */
    public static HttpResponse<String> completeOnPage(Http session, String taskId, String json) {
        return postOnPage(session, "/taken/" + taskId + "/afronden", json);
    }

    /** Tasklist's own submit: the webapp's engine API (not /engine-rest), with its session and CSRF token. */
    public HttpResponse<String> viaTasklist(String user, String taskId, Map<String, ?> values) {
        Http browser = session(user);
        String base = "/camunda/api/engine/engine/default/task/" + taskId;
        String token = browser.get(base, "application/json")
                .headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseThrow();
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return browser.send(browser.request(base + "/submit-form")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("variables", variables)))));
    }

    public static void refusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).doesNotContain("\tat ");
    }
}
