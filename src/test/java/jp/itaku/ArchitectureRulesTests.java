package jp.itaku;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

/**
 * Build guards that teach: the application logs through SLF4J, never prints to the
 * standard streams, and never reads the JVM's default time zone (deadlines are Asia/Tokyo
 * dates; a default-zone bug is a compliance bug); every package is checked for nullness.
 */
class ArchitectureRulesTests {

	/**
	 * The application's own classes: neither tests nor what Spring's ahead-of-time
	 * processing generates into target/classes when the jar is packaged (its bean
	 * definitions and repositories, named {@code …__BeanDefinitions},
	 * {@code …Impl__AotRepository}), which repeat the application's names without being
	 * its code.
	 */
	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("jp.itaku");

	@Test
	void noStandardStreamsOrJavaUtilLogging() {
		NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(this.classes);
		NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(this.classes);
	}

	@Test
	void nothingReadsTheDefaultTimeZone() {
		noClasses().should()
			.callMethod(ZoneId.class, "systemDefault")
			.orShould()
			.callMethod(TimeZone.class, "getDefault")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.because("dates are Asia/Tokyo: use ItakuTime.today(clock) or a Clock with an explicit zone")
			.check(this.classes);
	}

	@Test
	void webCodeNeverReadsUnscoped() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.callMethodWhere(describe("a method named *Unscoped",
					(JavaMethodCall call) -> call.getTarget().getName().endsWith("Unscoped")))
			.because("what a page or an API answer shows is read through a scoped method that takes the Actor;"
					+ " *Unscoped methods are for jobs, listeners and other modules' internal use")
			.check(this.classes);
	}

	@Test
	void unscopedReadsLiveOnlyInTheSystemInterfaces() {
		methods().that()
			.haveNameEndingWith("Unscoped")
			.and()
			.arePublic()
			.should()
			.beDeclaredInClassesThat()
			.haveSimpleNameEndingWith("SystemReads")
			.because("a read without a user's scope is public only in a module's named interface"
					+ " 'system' (its *SystemReads), which a module must declare to use")
			.check(this.classes);
		classes().that()
			.haveSimpleNameEndingWith("SystemReads")
			.should()
			.beAnnotatedWith(describe("@NamedInterface(\"system\")",
					(JavaAnnotation<?> a) -> a.getRawType().isEquivalentTo(NamedInterface.class)
							&& a.get("value").map((v) -> Arrays.asList((String[]) v).contains("system")).orElse(false)))
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("SystemReads")
			.because("a page or an API answer reads through scoped methods that take the Actor")
			.check(this.classes);
	}

	@Test
	void entitiesDependOnNothingOfTheWebLayer() {
		noClasses().that()
			.areAnnotatedWith(Entity.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..web..")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.web..")
			.because("state transitions live in entities and take the module's own input types;"
					+ " what a page or an API request binds stays in the web layer")
			.check(this.classes);
	}

	@Test
	void onlyThePlatformChoosesAnErrorStatus() {
		noClasses().that()
			.resideOutsideOfPackage("jp.itaku.platform..")
			.should()
			.accessFieldWhere(describe("an error status of HttpStatus (4xx, 5xx)",
					(JavaFieldAccess access) -> access.getTarget().getOwner().isEquivalentTo(HttpStatus.class)
							&& isErrorStatus(access.getTarget().getName())))
			.because("a module says what went wrong with a platform problem (InvalidInputProblem,"
					+ " NotFoundProblem, AccessDeniedProblem, ConflictProblem, UnauthorizedProblem,"
					+ " TooManyRequestsProblem) or ProblemResponses, and the platform decides the status")
			.check(this.classes);
	}

	private static boolean isErrorStatus(String name) {
		for (HttpStatus status : HttpStatus.values()) {
			if (status.name().equals(name)) {
				return status.isError();
			}
		}
		return false;
	}

	@Test
	void onlyTheSharedHelperWritesTextIntoSpreadsheetCells() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("jp.itaku.platform.SpreadsheetCells")
			.should()
			.callMethod(org.apache.poi.ss.usermodel.Cell.class, "setCellValue", String.class)
			.orShould()
			.callMethod(org.apache.poi.xssf.usermodel.XSSFCell.class, "setCellValue", String.class)
			.orShould()
			.callMethod(org.apache.poi.ss.usermodel.Cell.class, "setCellValue",
					org.apache.poi.ss.usermodel.RichTextString.class)
			.because("text in an export may come from users: write it with platform.SpreadsheetCells.text,"
					+ " which neutralises formulas (CSV injection)")
			.check(this.classes);
	}

	@Test
	void everyPackageIsNullMarked() {
		Set<String> packages = new TreeSet<>();
		for (JavaClass type : this.classes) {
			packages.add(type.getPackageName());
		}
		List<String> unmarked = packages.stream().filter((name) -> !isNullMarked(name)).toList();
		assertThat(unmarked)
			.as("every package of src/main is @NullMarked in its package-info.java (create one if it has none),"
					+ " so that NullAway checks its nullness at compile time: say which parameters, returns and"
					+ " fields may be null with @Nullable (org.jspecify.annotations)")
			.isEmpty();
	}

	private boolean isNullMarked(String packageName) {
		try {
			return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
