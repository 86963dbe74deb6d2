package nl.waarborg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.Http;

/**
 * Every page of Waarborg's own on the demo data (issue 18, "Tests and figures"): each page is read as the role that
 * opens it, through a logged-in browser session over real HTTP, and timed (p50, p95, max). Target: p95 under 300 ms per
 * page, judged PASS or FAIL in the printed table and never asserted. The demo portfolio has one version per
 * assessment, so the run first takes one extra system of its own through a whole round and into a second round with a
 * changed answer, so that the diff page compares two real versions.
 */
final class PageTimings {

    static final double TARGET_P95_MS = 300;
    static final String SECOND_ROUND_SYSTEM = "Tijdmeting: tweede ronde";
    private static final String HTML = "text/html";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page: a name for the table, the demo user who opens it and its path. */
    record Page(String name, String user, String path, String accept) {}

    private PageTimings() {}

    /** Measures every page on the node's demo data; the result maps each page's name to its figures. */
    static Map<String, Object> measure(WaarborgNode node, Benchmark.Settings settings) {
        String secondRound = secondRound(node);
        Map<String, Http> sessions = new HashMap<>();
        Map<String, Object> pages = new LinkedHashMap<>();
        for (Page page : pages(node.port(), secondRound)) {
            Http session = sessions.computeIfAbsent(page.user(), user -> login(node.port(), user));
            Map<String, Object> figures = Latency.measure(
                    page.path(), () -> ok(session, page), settings.warmup(), settings.requests(), Benchmark.HTTP_LIMIT);
            figures.put("user", page.user());
            figures.put("status", session.get(page.path(), page.accept()).statusCode());
            pages.put(page.name(), figures);
        }
        return pages;
    }

    /** The pages, with the ids of the demo data read over the API. */
    static List<Page> pages(int port, String secondRoundSystem) {
        Http lead = Http.api(port).as("lead", "demo");
        JsonNode systems = read(lead, "/api/systems?limit=1000");
        String wmo = systemId(systems, "Wmo-maatwerk toewijzen");
        String iama = assessmentId(systems, wmo, "IAMA");
        String secondIama = assessmentId(systems, secondRoundSystem, "IAMA");
        String fgTask = read(Http.api(port).as("fg", "demo"), "/api/tasks")
                .path(0)
                .path("id")
                .asText();
        String leadTask = read(lead, "/api/tasks").path(0).path("id").asText();
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("home (admin)", "admin", "/", HTML));
        pages.add(new Page("Mijn taken (fg)", "fg", "/taken", HTML));
        pages.add(new Page("Mijn taken (lead)", "lead", "/taken", HTML));
        pages.add(new Page("task page (fg, advice)", "fg", "/taken/" + fgTask, HTML));
        pages.add(new Page("task page (lead)", "lead", "/taken/" + leadTask, HTML));
        pages.add(new Page("system page (lead)", "lead", "/systemen/" + wmo, HTML));
        pages.add(new Page("system page (fg)", "fg", "/systemen/" + wmo, HTML));
        pages.add(new Page("/systemen (lead)", "lead", "/systemen", HTML));
        pages.add(new Page("/systemen (manager)", "manager", "/systemen", HTML));
        pages.add(new Page("/systemen/nieuw (lead)", "lead", "/systemen/nieuw", HTML));
        pages.add(new Page("/toezicht (manager)", "manager", "/toezicht", HTML));
        pages.add(new Page("/toezicht CSV (manager)", "manager", "/toezicht/export.csv", "text/csv"));
        pages.add(new Page("version page (fg)", "fg", "/beoordelingen/" + iama + "/versies/1", HTML));
        pages.add(new Page(
                "diff 1 to 2 (alderman)", "alderman", "/beoordelingen/" + secondIama + "/verschil?van=1&tot=2", HTML));
        pages.add(new Page(
                "PDF export (alderman)",
                "alderman",
                "/api/assessments/" + iama + "/versions/1/export?format=pdf",
                "application/pdf"));
        pages.add(new Page("public register", "lead", "/register", HTML));
        pages.add(new Page("algoritmeregister entry (lead)", "lead", "/systemen/" + wmo + "/algoritmeregister", HTML));
        pages.add(new Page("EU registration (lead)", "lead", "/systemen/" + wmo + "/eu-registratie", HTML));
        pages.add(new Page("Mijn instellingen (fg)", "fg", "/instellingen", HTML));
        pages.add(new Page("Beheer (admin)", "admin", "/beheer", HTML));
        pages.add(new Page("Beheer: user (admin)", "admin", "/beheer/gebruikers/fg", HTML));
        pages.add(new Page("Beheer: new user (admin)", "admin", "/beheer/gebruikers/nieuw", HTML));
        pages.add(new Page("Beheer: settings (admin)", "admin", "/beheer/instellingen", HTML));
        pages.add(new Page("Beheer: stuck work (admin)", "admin", "/beheer/werk", HTML));
        pages.add(new Page("Beheer: e-mail (admin)", "admin", "/beheer/mail", HTML));
        return pages;
    }

    /**
     * Takes a system of the run's own through a whole round (IAMA only) and into a second one whose first part has a
     * changed answer; returns its name. The demo portfolio itself is left as it is.
     */
    static String secondRound(WaarborgNode node) {
        Http lead = Http.api(node.port()).as("lead", "demo");
        String id = read(
                        lead,
                        "POST",
                        "/api/systems",
                        "{\"name\":\"" + SECOND_ROUND_SYSTEM
                                + "\",\"description\":\"Voor de tijdmeting van de verschilpagina\","
                                + "\"department\":\"Stadsbeheer\"}")
                .path("id")
                .asText();
        read(lead, "POST", "/api/systems/" + id + "/cycles", "{}");
        DemoDriver driver = node.bean(DemoDriver.class);
        driver.driveUntil(id, "-", Map.of("legalEffects", "YES", "classifiesPersons", "YES"));
        read(
                lead,
                "POST",
                "/api/systems/" + id + "/triggers",
                "{\"type\":\"MATERIAL_CHANGE\",\"description\":\"Nieuwe gegevensbron voor de tijdmeting\"}");
        driver.driveUntil(
                id,
                "privacy-officer-advice",
                Map.of(
                        "part1Reason",
                        "Demo-antwoord: in de tweede ronde is een nieuwe gegevensbron aangesloten, daarom is de"
                                + " aanleiding opnieuw beschreven.",
                        "legalEffects",
                        "YES",
                        "classifiesPersons",
                        "YES"));
        JsonNode assessments = read(lead, "/api/systems/" + id).path("assessments");
        if (!assessments.toString().contains("\"currentVersion\":2")) {
            throw new IllegalStateException("The second round did not open version 2: " + assessments);
        }
        return SECOND_ROUND_SYSTEM;
    }

    /** The printed table: p50, p95 and max per page with PASS or FAIL against the target. */
    static String table(Map<?, ?> pages) {
        StringBuilder out = new StringBuilder(String.format(
                "%n%-34s %6s %5s %9s %9s %9s  %s%n",
                "pages (HTTP, ms)", "status", "n", "p50", "p95", "max", "p95<300"));
        pages.forEach((name, value) -> {
            Map<?, ?> m = (Map<?, ?>) value;
            out.append(String.format(
                    "%-34s %6s %5s %9.1f %9.1f %9.1f  %s%n",
                    name,
                    m.get("status"),
                    m.get("requests"),
                    (double) m.get("p50Ms"),
                    (double) m.get("p95Ms"),
                    (double) m.get("maxMs"),
                    passes(m) ? "PASS" : "FAIL"));
        });
        return out.toString();
    }

    /** The target as a verdict for the benchmark's targets: PASS only when every page passes. */
    static Map<String, Object> target(Map<?, ?> pages) {
        List<String> failing = new ArrayList<>();
        double worst = 0;
        for (Map.Entry<?, ?> e : pages.entrySet()) {
            Map<?, ?> m = (Map<?, ?>) e.getValue();
            worst = Math.max(worst, (double) m.get("p95Ms"));
            if (!passes(m)) {
                failing.add(e.getKey() + " " + m.get("p95Ms") + " ms");
            }
        }
        return Benchmark.verdict(
                failing.isEmpty(),
                String.format("%d pages, worst p95 %.1f ms", pages.size(), worst)
                        + (failing.isEmpty() ? "" : "; over 300 ms: " + String.join(", ", failing)));
    }

    static boolean passes(Map<?, ?> figures) {
        return Integer.valueOf(200).equals(figures.get("status")) && (double) figures.get("p95Ms") < TARGET_P95_MS;
    }

    private static Http login(int port, String user) {
        Http session = Http.browser(port);
        HttpResponse<String> login = session.formLogin(user, "demo");
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.statusCode());
        }
        return session;
    }

    private static void ok(Http session, Page page) {
        HttpResponse<String> response = session.get(page.path(), page.accept());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + page.path() + " as " + page.user() + " answered " + response.statusCode());
        }
    }

    private static JsonNode read(Http http, String path) {
        return read(http, "GET", path, null);
    }

    private static JsonNode read(Http http, String method, String path, String body) {
        HttpResponse<String> response =
                "GET".equals(method) ? http.get(path, "application/json") : http.sendJson(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No JSON from " + path, e);
        }
    }

    private static String systemId(JsonNode systems, String name) {
        for (JsonNode s : systems) {
            if (name.equals(s.path("name").asText())) {
                return s.path("id").asText();
            }
        }
        throw new IllegalStateException("No system '" + name + "' in the demo data");
    }

    private static String assessmentId(JsonNode systems, String systemIdOrName, String type) {
        for (JsonNode s : systems) {
            if (systemIdOrName.equals(s.path("id").asText())
                    || systemIdOrName.equals(s.path("name").asText())) {
                for (JsonNode a : s.path("assessments")) {
                    if (type.equals(a.path("type").asText())) {
                        return a.path("id").asText();
                    }
                }
            }
        }
        throw new IllegalStateException("No " + type + " of '" + systemIdOrName + "'");
    }
}
