package io.credentialhealth.state.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

import io.credentialhealth.platform.PlatformInfo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PostgreSQL store, chosen by {@code credentials.state-store=jdbc}, which
 * {@link DatabaseEnvironmentPostProcessor} sets when a database is configured. The DataSource is
 * Boot's (HikariCP, {@code spring.datasource.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DatabaseEnvironmentPostProcessor.STORE_PROPERTY, havingValue = "jdbc")
public class JdbcStateStoreConfiguration {

	@Bean
	JdbcStateStore jdbcStateStore(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
			PlatformInfo platform, Clock clock) {
		return new JdbcStateStore(dataSource, DatabaseUrl.describe(url), platform.environment(), platform.service(),
				clock);
	}

}
