package jp.itaku.contract;

import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.springframework.modulith.NamedInterface;

/**
 * Implemented by each module that knows what must be settled before a contract is closed
 * (obligations: the end-of-contract duties; assets: every asset returned or disposed of),
 * so that a contract cannot be closed while something is open, and its page can say what.
 */
@NamedInterface("closing")
public interface ContractClosingCheck {

	/**
	 * Lists what keeps the contract from being closed.
	 * @param contractId the contract
	 * @return one problem per open item, as a Japanese message; empty when nothing does
	 */
	List<FieldProblem> blockers(UUID contractId);

}
