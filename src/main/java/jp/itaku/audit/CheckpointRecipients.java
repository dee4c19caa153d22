package jp.itaku.audit;

import java.util.List;
import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * Who receives the audit chain's checkpoints by mail: implemented by the module that
 * knows the users (the client security administrators), so that the audit trail does not
 * depend on it.
 */
@NamedInterface("recipients")
public interface CheckpointRecipients {

	/**
	 * Returns the recipients of the checkpoints.
	 * @return each enabled recipient with an address
	 */
	List<Recipient> checkpointRecipients();

	/**
	 * One recipient.
	 *
	 * @param email the address
	 * @param locale the language to write in
	 */
	record Recipient(String email, Locale locale) {
	}

}
