package jp.itaku.platform.web;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Applies {@link IdempotentRequests} to every handler method marked {@link Idempotent}
 * (an infrastructure advisor, like the one behind {@code @Transactional}).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor idempotentRequestAdvisor(ObjectProvider<IdempotentRequests> requests) {
		MethodInterceptor interceptor = (invocation) -> requests.getObject().invoke(invocation);
		return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Idempotent.class),
				interceptor);
	}

}
