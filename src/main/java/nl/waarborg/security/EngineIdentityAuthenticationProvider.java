package nl.waarborg.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs users in against Camunda's identity store, so Waarborg, Tasklist, Cockpit and Admin share one set of
 * users and groups. The authorities are the group ids (e.g. "privacy-officer").
 * Failed attempts are throttled per account and per client address by {@link LoginThrottle} (time-limited locks);
 * the engine's own permanent lockout is switched off in application.yaml. The message never says whether the user
 * exists. While local accounts are off (waarborg.login.local-accounts), only the service accounts log in here.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord";

    /** Camunda's user ids are at most 64 characters; a longer name cannot exist and is not looked up. */
    static final int MAX_USER_ID_LENGTH = 64;

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final LocalLoginProperties local;

    public EngineIdentityAuthenticationProvider(
            IdentityService identityService, LoginThrottle throttle, LocalLoginProperties local) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.local = local;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null
                || userId.isBlank()
                || userId.length() > MAX_USER_ID_LENGTH
                || credentials == null
                || credentials.toString().isEmpty()) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        boolean failuresCounted = throttle.checkAllowed(userId, address);
        // With local accounts off (single sign-on), only the configured service accounts log in with a password.
        if (!local.allowsBasic(userId) || !identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(userId, address);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (failuresCounted) {
            throttle.succeeded(userId);
        }
        List<SimpleGrantedAuthority> authorities =
                groupsOf(userId).stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
