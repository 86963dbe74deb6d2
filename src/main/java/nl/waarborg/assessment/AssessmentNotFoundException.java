package nl.waarborg.assessment;

import nl.waarborg.shared.NotFoundException;

/** No assessment (or version) with this id. */
public class AssessmentNotFoundException extends NotFoundException {

    public AssessmentNotFoundException(String id) {
        super("No assessment found for '" + id + "'.");
    }
}
