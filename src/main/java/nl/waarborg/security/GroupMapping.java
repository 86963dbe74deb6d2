package nl.waarborg.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.waarborg.identity.Groups;

/**
 * From the groups or roles an identity provider puts in a token to Waarborg's groups (ADR 0025). The mapping is text:
 * entries {@code providerGroup=waarborgGroup} separated by semicolons or line breaks (a provider group is split off at
 * its last '=', so distinguished names such as {@code CN=FG,OU=Groepen} work). Provider groups without an entry grant
 * nothing; an entry naming anything but one of Waarborg's groups is refused when Waarborg starts.
 */
public final class GroupMapping {

    private final Map<String, List<String>> mapping;

    private GroupMapping(Map<String, List<String>> mapping) {
        this.mapping = mapping;
    }

    public static GroupMapping parse(String text) {
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split("[;\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int split = entry.lastIndexOf('=');
                String provider = split < 0 ? "" : entry.substring(0, split).trim();
                String group = split < 0 ? "" : entry.substring(split + 1).trim();
                if (provider.isEmpty() || !Groups.ALL.contains(group)) {
                    throw new IllegalArgumentException("waarborg.oidc.group-mapping: '" + entry.trim()
                            + "' is no 'providerGroup=waarborgGroup' entry with one of " + Groups.ALL + ".");
                }
                mapping.computeIfAbsent(provider, k -> new ArrayList<>()).add(group);
            }
        }
        return new GroupMapping(mapping);
    }

    public boolean isEmpty() {
        return mapping.isEmpty();
    }

    /** Waarborg's groups for a claim value (a list of names, or one string with names separated by commas or spaces). */
    public List<String> groups(Object claim) {
        TreeSet<String> groups = new TreeSet<>();
        for (String providerGroup : names(claim)) {
            groups.addAll(mapping.getOrDefault(providerGroup, List.of()));
        }
        return List.copyOf(groups);
    }

    /** The claim at a dotted path ({@code realm_access.roles}), or null. A claim whose own name has dots wins. */
    public static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.trim().split("[,\\s]+"));
        }
        return List.of();
    }
}
