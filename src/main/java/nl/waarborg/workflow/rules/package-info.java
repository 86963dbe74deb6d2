/**
 * The legal rules behind the workflow, as plain classes without Spring or engine types, each with unit tests: working
 * days and the gate deadline, review intervals per publication category, the go-live checks (AI Act Art. 26), the FRIA
 * elements (AI Act Art. 27(1)), the periods of a prior consultation (GDPR Art. 36) and a high residual risk. The beans in
 * {@code nl.waarborg.workflow} read the process variables and call these rules. Other modules may use them too (a named
 * interface): the e-mail notifications count working days before a deadline with {@link WorkingDays}.
 */
@NamedInterface("rules")
package nl.waarborg.workflow.rules;

import org.springframework.modulith.NamedInterface;
