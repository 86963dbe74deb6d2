package nl.waarborg.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A single sign-on login that Waarborg refused after the provider's: the account (if known) and why. */
class SsoLoginRefusedException extends OAuth2AuthenticationException {

    private final String account;

    SsoLoginRefusedException(String errorCode, String account, String reason) {
        super(new OAuth2Error(errorCode, reason, null), reason);
        this.account = account;
    }

    String account() {
        return account;
    }
}
