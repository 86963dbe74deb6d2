package nl.waarborg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small real-HTTP client for tests: Basic auth for API calls, or a cookie session for browser-like flows. */
public final class Http {

    private final String baseUrl;
    private final HttpClient client;
    private String basic;

    private Http(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    /** Stateless client (no cookies), like an API client. */
    public static Http api(int port) {
        return new Http(
                "http://localhost:" + port,
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    /** A browser-like client that keeps cookies (session, CSRF). */
    public static Http browser(int port) {
        return new Http(
                "http://localhost:" + port,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    /** A browser-like client (cookies) for Waarborg at another host name, e.g. 127.0.0.1 for single sign-on. */
    public static Http browserAt(String host, int port) {
        return new Http(
                "http://" + host + ":" + port,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    /** The same client and cookies, with a bearer token on every request. */
    public Http bearer(String token) {
        Http copy = new Http(baseUrl, client);
        copy.basic = "Bearer " + token;
        return copy;
    }

    /** Follows redirects (any host, with this client's cookies) from a path or URL until an answer that is none. */
    public HttpResponse<String> follow(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        for (int hops = 0; hops < 20; hops++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .GET());
            java.util.Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            url = response.uri().resolve(location.get()).toString();
        }
        throw new IllegalStateException("Too many redirects from " + pathOrUrl);
    }

    /** Posts a form to a URL (any host) with this client's cookies. */
    public HttpResponse<String> postFormTo(String url, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Http as(String user, String password) {
        Http copy = new Http(baseUrl, client);
        copy.basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Submits a task's form through Camunda Tasklist's own REST API, as the Tasklist app does (a logged-in browser
     * session; the XSRF token from the app's page).
     */
    public HttpResponse<String> tasklistSubmitForm(String taskId, String json) {
        HttpResponse<String> app = get("/camunda/app/tasklist/default/", "text/html");
        String xsrf = app.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return send(request("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON request with any method; a null body sends none. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form body (application/x-www-form-urlencoded) from name, value, name, value, … */
    public static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    public HttpResponse<String> postForm(String path, String formBody) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    /** Logs in through the login form (with its CSRF token); the session cookie stays in this client. */
    public HttpResponse<String> formLogin(String user, String password) {
        String csrf = csrfTokenFrom(get("/login").body());
        return postForm("/login", "username=" + user + "&password=" + password + "&_csrf=" + csrf);
    }

    public static String csrfTokenFrom(String html) {
        int name = html.indexOf("name=\"_csrf\"");
        if (name < 0) {
            throw new IllegalStateException("No CSRF field in page");
        }
        int value = html.indexOf("value=\"", name) + 7;
        return html.substring(value, html.indexOf('"', value));
    }
}
