package nl.waarborg.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Which logins this installation offers (ADR 0025): single sign-on when an issuer is set, local accounts when
 * {@code waarborg.login.local-accounts} is true (the demo; elsewhere a break-glass). Refuses to start with neither,
 * so production chooses explicitly, and with an issuer but no client id or with a group mapping that names no
 * Waarborg group.
 */
@Component
public class LoginOptions implements InitializingBean {

    private final SingleSignOnProperties sso;
    private final LocalLoginProperties local;

    public LoginOptions(SingleSignOnProperties sso, LocalLoginProperties local) {
        this.sso = sso;
        this.local = local;
    }

    @Override
    public void afterPropertiesSet() {
        if (!sso.enabled() && !local.enabled()) {
            throw new IllegalStateException("Refusing to start: nobody could log in. Set waarborg.oidc.issuer-uri"
                    + " (WAARBORG_OIDC_ISSUER_URI) with its client for single sign-on, or waarborg.login.local-accounts=true"
                    + " (WAARBORG_LOGIN_LOCAL_ACCOUNTS) for passwords kept in Waarborg.");
        }
        if (sso.enabled() && sso.clientId() == null) {
            throw new IllegalStateException("Refusing to start: waarborg.oidc.issuer-uri is set but"
                    + " waarborg.oidc.client-id (WAARBORG_OIDC_CLIENT_ID) is not.");
        }
        GroupMapping.parse(sso.groupMapping());
    }

    public boolean singleSignOn() {
        return sso.enabled();
    }

    public boolean localAccounts() {
        return local.enabled();
    }

    /** The path that starts a single sign-on login. */
    public String singleSignOnPath() {
        return SingleSignOn.LOGIN_PATH;
    }
}
