package jp.itaku.contract;

import jp.itaku.organisation.Organisation;

/**
 * The two parties of a contract, as the pages name them.
 *
 * @param client the client (委託者)
 * @param contractor the contractor (受託者)
 */
public record ContractParties(Organisation client, Organisation contractor) {

}
