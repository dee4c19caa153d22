package jp.itaku.platform.crypto;

import java.util.regex.Pattern;

/**
 * A database column that holds {@link FieldEncryptor} ciphertexts. The module that owns
 * the column declares it as a bean, so that the platform knows whether the database holds
 * encrypted data (a node then never creates a new keyset), which keys the stored
 * ciphertexts use, and how to re-encrypt them when the keyset is rotated.
 *
 * @param table the table
 * @param idColumn its primary key column (a single column)
 * @param column the column holding the Base64 ciphertext, {@code null} when empty
 * @param contextPrefix the encryption context of a row is this prefix followed by the
 * row's id, e.g. {@code user_account.totp_secret:}
 */
public record EncryptedColumn(String table, String idColumn, String column, String contextPrefix) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	/**
	 * Checks the names: they are written into SQL.
	 * @throws IllegalArgumentException when a name is not a plain lower-case identifier
	 */
	public EncryptedColumn {
		for (String name : new String[] { table, idColumn, column }) {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
	}

	/**
	 * Returns the encryption context of a row.
	 * @param id the row's id
	 * @return the context
	 */
	public String context(Object id) {
		return this.contextPrefix + id;
	}

	/**
	 * Returns the column's name as the audit trail and the operator read it.
	 * @return {@code table.column}
	 */
	public String name() {
		return this.table + "." + this.column;
	}

}
