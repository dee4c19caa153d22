package jp.itaku.platform.web;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;

/**
 * Registers {@link DatabaseUnavailableFilter} around every other filter but the character
 * encoding (before the session and security filters, which may need the database).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DatabaseUnavailableConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ProblemResponses problems,
			@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(problems, views, locales));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
