package nl.waarborg.assessment;

/** The two impact assessments; the process key is the lower-case name. */
public enum AssessmentType {
    IAMA,
    DPIA;

    public String processKey() {
        return name().toLowerCase();
    }

    public static AssessmentType ofProcessKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
