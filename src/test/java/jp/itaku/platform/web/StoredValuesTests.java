package jp.itaku.platform.web;

import java.sql.SQLException;

import jp.itaku.platform.InputRules;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value the database refuses is bad input (400 with its rule's message), found by the
 * SQL state anywhere in the cause chain; any other failure is not.
 */
class StoredValuesTests {

	private static InputRules.Violation refused(String sqlState) {
		return StoredValues.violationOf(new DataIntegrityViolationException("refused",
				new RuntimeException("wrapped", new SQLException("refused by the database", sqlState))));
	}

	@Test
	void eachRefusalOfAValueNamesItsRule() {
		assertThat(refused("22001").messageKey()).isEqualTo(StoredValues.TOO_LONG);
		assertThat(refused("22003").messageKey()).isEqualTo(StoredValues.NUMBER_OUT_OF_RANGE);
		assertThat(refused("22021").messageKey()).isEqualTo(InputRules.CONTROL_CHARACTER);
		assertThat(refused("22008").messageKey()).isEqualTo(InputRules.DATE_OUT_OF_RANGE);
	}

	@Test
	void otherFailuresAreNotBadInput() {
		assertThat(refused("23505")).isNull();
		assertThat(refused("08006")).isNull();
		assertThat(StoredValues.violationOf(new IllegalStateException("no SQL here"))).isNull();
	}

}
