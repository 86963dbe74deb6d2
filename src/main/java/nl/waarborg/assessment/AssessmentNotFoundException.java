package nl.waarborg.assessment;

/** No assessment (or version) with this id. */
public class AssessmentNotFoundException extends RuntimeException {

    public AssessmentNotFoundException(String id) {
        super("No assessment found for '" + id + "'.");
    }
}
