package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMappingTest {

    @Test
    void mapsListedProviderGroupsAndIgnoresOthers() {
        GroupMapping mapping = GroupMapping.parse(
                "6f1c0a2e-0000-4000-8000-000000000001=privacy-officer; /waarborg/fg = privacy-officer\n"
                        + "CN=Beheer,OU=Groepen,DC=gemeente=admin;CN=Beheer,OU=Groepen,DC=gemeente=manager");
        assertThat(mapping.groups(List.of("6f1c0a2e-0000-4000-8000-000000000001", "unknown")))
                .containsExactly("privacy-officer");
        assertThat(mapping.groups(List.of("/waarborg/fg", "6f1c0a2e-0000-4000-8000-000000000001")))
                .containsExactly("privacy-officer");
        assertThat(mapping.groups(List.of("CN=Beheer,OU=Groepen,DC=gemeente"))).containsExactly("admin", "manager");
        assertThat(mapping.groups("/waarborg/fg other")).containsExactly("privacy-officer");
        assertThat(mapping.groups(null)).isEmpty();
        assertThat(mapping.groups(List.of("/WAARBORG/FG"))).as("case matters").isEmpty();
    }

    @Test
    void refusesEntriesThatNameNoWaarborgGroup() {
        assertThatThrownBy(() -> GroupMapping.parse("fg=superuser"))
                .hasMessageContaining("'fg=superuser'")
                .hasMessageContaining("privacy-officer");
        assertThatThrownBy(() -> GroupMapping.parse("privacy-officer")).hasMessageContaining("providerGroup=");
        assertThatThrownBy(() -> GroupMapping.parse("=admin")).hasMessageContaining("'=admin'");
        assertThat(GroupMapping.parse(" ; \n").isEmpty()).isTrue();
    }

    @Test
    void readsNestedClaimsSuchAsKeycloakRealmRoles() {
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("waarborg-fg")),
                "groups", List.of("g1"),
                "odd.name", "x");
        assertThat(GroupMapping.claim(claims, "realm_access.roles")).isEqualTo(List.of("waarborg-fg"));
        assertThat(GroupMapping.claim(claims, "groups")).isEqualTo(List.of("g1"));
        assertThat(GroupMapping.claim(claims, "odd.name")).isEqualTo("x");
        assertThat(GroupMapping.claim(claims, "realm_access.missing")).isNull();
        assertThat(GroupMapping.claim(claims, "groups.deeper")).isNull();
    }

    @Test
    void localPasswordsOnlyForServiceAccountsWhileLocalAccountsAreOff() {
        LocalLoginProperties off = new LocalLoginProperties(null, List.of(" svc-archief ", ""));
        assertThat(off.enabled()).isFalse();
        assertThat(off.allowsBasic("svc-archief")).isTrue();
        assertThat(off.allowsBasic("admin")).isFalse();
        LocalLoginProperties on = new LocalLoginProperties(true, null);
        assertThat(on.allowsBasic("admin")).isTrue();
    }
}
