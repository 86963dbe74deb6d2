package nl.waarborg.assessment;

/**
 * The Dutch DPA's answer to a prior consultation as recorded on a version (GDPR Art. 36(2)), and whether it concerns
 * the content the alderman now decides on ({@link DpaAnswerRule}): after a rework without a new consultation it does
 * not.
 *
 * @param outcome NO_OBJECTION, ADVICE_WITH_MEASURES or INFRINGEMENT
 * @param summary the summary of the answer as entered
 * @param date the date of the answer as entered (ISO date), or null
 * @param current whether the answer was given on the version's current content
 */
public record DpaAnswer(String outcome, String summary, String date, boolean current) {}
