package nl.waarborg.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users in against Camunda's identity store, so Waarborg, Tasklist, Cockpit and Admin share one set of
 * users and groups. The authorities are the group ids (e.g. "privacy-officer").
 * The engine counts failed attempts and locks a user out after too many; the message never says whether
 * the user exists.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord";

    private final IdentityService identityService;

    public EngineIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null || credentials.toString().isEmpty()
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        List<SimpleGrantedAuthority> authorities = groupsOf(userId).stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
