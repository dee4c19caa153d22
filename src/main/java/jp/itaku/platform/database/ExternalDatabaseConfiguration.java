package jp.itaku.platform.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An external PostgreSQL server ({@code ITAKU_DB_URL}): the application connects as
 * {@code ITAKU_DB_USER}; when {@code ITAKU_DB_OWNER_USER} is set, the migrations run as
 * that role, which owns the schema, and {@link ApplicationRoleGrants} grants the
 * application's role what it needs. Without an owner the application runs as one role
 * that owns the schema, with a warning at every start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabaseConfiguration {

	@Bean
	ApplicationRole applicationRole(@Value("${spring.datasource.username:}") String username) {
		return new ApplicationRole(username);
	}

	@Bean(defaultCandidate = false)
	@FlywayDataSource
	@ConditionalOnExpression("!'${itaku.database.owner-user:}'.isEmpty()")
	DataSource ownerDataSource(@Value("${spring.datasource.url}") String url,
			@Value("${itaku.database.owner-user}") String user,
			@Value("${itaku.database.owner-password:}") String password) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(user)
			.password(password)
			.build();
	}

}
