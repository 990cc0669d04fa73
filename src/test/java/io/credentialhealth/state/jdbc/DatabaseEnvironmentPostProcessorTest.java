package io.credentialhealth.state.jdbc;

import java.util.List;

import io.credentialhealth.support.Canary;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseEnvironmentPostProcessorTest {

	private static final String PASSWORD = "CanaryDbPassw0rd";

	private final MockEnvironment environment = new MockEnvironment();

	private void process() {
		new DatabaseEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

	@Test
	void nothingConfiguredLeavesTheFileStore() {
		process();
		assertThat(this.environment.getProperty("credentials.state-store")).isNull();
		assertThat(this.environment.getProperty("spring.datasource.url")).isNull();
		assertThat(this.environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.DEFAULTS_SOURCE))
			.isFalse();
	}

	@Test
	void databaseUrlChoosesJdbcAndBecomesDataSourceProperties() {
		this.environment.setProperty("DATABASE_URL", "postgresql://bot:" + PASSWORD + "@db.internal:5432/bot?sslmode=require");
		process();
		assertThat(this.environment.getProperty("credentials.state-store")).isEqualTo("jdbc");
		assertThat(this.environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db.internal:5432/bot?sslmode=require");
		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("bot");
		assertThat(this.environment.getProperty("spring.datasource.password")).isEqualTo(PASSWORD);
		assertThat(this.environment.getProperty("management.health.db.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("5000");
	}

	@Test
	void explicitSettingsWinOverDatabaseUrlAndOverTheDefaults() {
		this.environment.setProperty("DATABASE_URL", "postgresql://bot:" + PASSWORD + "@db.internal:5432/bot");
		this.environment.setProperty("spring.datasource.url", "jdbc:postgresql://other:5432/creds");
		this.environment.setProperty("spring.datasource.username", "me");
		this.environment.setProperty("spring.datasource.password", "mine");
		this.environment.setProperty("spring.datasource.hikari.connection-timeout", "2000");
		process();
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other:5432/creds");
		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("me");
		assertThat(this.environment.getProperty("spring.datasource.password")).isEqualTo("mine");
		assertThat(this.environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("2000");
	}

	@Test
	void aPasswordInAJdbcUrlIsMovedOutOfIt() {
		this.environment.setProperty("spring.datasource.url", "jdbc:postgresql://h:5432/db?user=u&password=" + PASSWORD);
		process();
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://h:5432/db");
		assertThat(this.environment.getProperty("spring.datasource.password")).isEqualTo(PASSWORD);
	}

	@Test
	void fileIgnoresTheDatabase() {
		this.environment.setProperty("DATABASE_URL", "mysql://not-even-postgres");
		this.environment.setProperty("credentials.state-store", " File ");
		process();
		assertThat(this.environment.getProperty("credentials.state-store")).isEqualTo("file");
		assertThat(this.environment.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void jdbcWithoutADatabaseIsAClearError() {
		this.environment.setProperty("credentials.state-store", "jdbc");
		StateStoreConfigurationException failure = catchThrowableOfType(StateStoreConfigurationException.class,
				this::process);
		assertThat(failure.property()).isEqualTo("credentials.state-store");
		assertThat(failure.reason()).contains("no database");
		assertThat(failure.action()).contains("DATABASE_URL");
	}

	@Test
	void anUnknownStoreIsAClearError() {
		this.environment.setProperty("credentials.state-store", "redis");
		StateStoreConfigurationException failure = catchThrowableOfType(StateStoreConfigurationException.class,
				this::process);
		assertThat(failure.getMessage()).isEqualTo("credentials.state-store must be file or jdbc, not 'redis'");
	}

	@Test
	void aDatabaseUrlThatIsNotPostgresIsAClearErrorWithoutThePassword() {
		this.environment.setProperty("DATABASE_URL", "mysql://root:" + PASSWORD + "@db:3306/bot");
		StateStoreConfigurationException failure = catchThrowableOfType(StateStoreConfigurationException.class,
				this::process);
		assertThat(failure.property()).isEqualTo("DATABASE_URL");
		assertThat(failure.reason()).contains("'mysql:'");
		Canary.assertNoLeak(failure.getMessage() + failure.action(), List.of(PASSWORD));
	}

}
