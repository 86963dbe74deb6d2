package nl.waarborg.administration;

import nl.waarborg.support.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the tests of ADR 0058: a second administrator, appointed by the operator, for each test, and gone again after it
 * (with the password row a reset may have given it), so that "admin" stays the last administrator elsewhere.
 */
abstract class SecondAdministratorScenario extends StuckWorkScenario {

    static final String SECOND = Accounts.SECOND_ADMINISTRATOR;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aSecondAdministratorWhomTheOperatorAppointed() {
        Accounts.appointSecondAdministrator(identity);
    }

    @AfterEach
    void withoutTheSecondAdministrator() {
        jdbc.sql("DELETE FROM wb_account_password WHERE user_id = :id")
                .param("id", SECOND)
                .update();
        Accounts.removeSecondAdministrator(identity);
    }
}
