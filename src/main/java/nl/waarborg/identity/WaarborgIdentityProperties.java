package nl.waarborg.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings for the first administrator and the demo users. */
@ConfigurationProperties(prefix = "waarborg")
public record WaarborgIdentityProperties(Admin admin, Demo demo) {

    public record Admin(String user, String password) {}

    public record Demo(String password) {}

    public String adminUser() {
        return admin == null || admin.user() == null || admin.user().isBlank() ? "admin" : admin.user();
    }

    public String adminPassword() {
        return admin == null ? null : admin.password();
    }

    public String demoPassword() {
        return demo == null ? null : demo.password();
    }
}
