package jp.itaku.contract;

import java.util.Map;

/**
 * The contracts an actor may see, as a condition on the {@code contract} table (alias
 * {@code c}) with its named parameters, for a module that filters, orders and pages many
 * contracts in the database (the compliance dashboard) instead of reading them all. It is
 * the same rule as {@link Contracts#summaries}: the system administrator sees every
 * contract, a client its own, a contractor those it is the contractor of and those it
 * takes part in as an approved subcontractor.
 *
 * @param condition the SQL condition on alias {@code c}
 * @param parameters its parameters, named {@code scope…}
 */
public record ContractScope(String condition, Map<String, Object> parameters) {

}
