package nl.waarborg.system;

/**
 * Which systems a list shows: {@code member} limits it to the systems that person owns or co-authors ({@code null}:
 * all); the other fields are optional filters (blank: no filter). {@code search} matches part of the name or the
 * department; {@code waitingOn} is the group an open step of the system waits on (see the wait table of ADR 0009).
 */
public record SystemFilter(
        String member,
        String search,
        String department,
        String phase,
        String status,
        String category,
        String waitingOn) {

    public static SystemFilter of(String member) {
        return new SystemFilter(member, null, null, null, null, null, null);
    }

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
