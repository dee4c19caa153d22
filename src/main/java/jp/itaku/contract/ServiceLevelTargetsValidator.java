package jp.itaku.contract;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jp.itaku.contract.ServiceLevelRules.RowProblem;

/**
 * Applies {@link ServiceLevelRules} during Bean Validation, reporting each fault on its
 * row's field.
 */
class ServiceLevelTargetsValidator
		implements ConstraintValidator<ValidServiceLevelTargets, List<ServiceLevelTargetForm>> {

	@Override
	public boolean isValid(List<ServiceLevelTargetForm> rows, ConstraintValidatorContext context) {
		List<RowProblem> problems = ServiceLevelRules.read(rows).problems();
		if (problems.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		for (RowProblem problem : problems) {
			var violation = context.buildConstraintViolationWithTemplate("{" + problem.messageKey() + "}");
			if (problem.row() < 0) {
				violation.addConstraintViolation();
			}
			else {
				violation.addPropertyNode(problem.property())
					.inIterable()
					.atIndex(problem.row())
					.addConstraintViolation();
			}
		}
		return false;
	}

}
