package io.credentialhealth.state.jdbc;

import java.util.List;

import io.credentialhealth.support.Canary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

class DatabaseUrlTest {

	private static final String PASSWORD = "s3cretCanaryPw";

	@Test
	void renderAndRailwayForm() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bot:" + PASSWORD + "@dpg-abc123-a.oregon-postgres.render.com:5432/bot_db");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://dpg-abc123-a.oregon-postgres.render.com:5432/bot_db");
		assertThat(url.username()).isEqualTo("bot");
		assertThat(url.password()).isEqualTo(PASSWORD);
		assertThat(url.location()).isEqualTo("jdbc:postgresql://dpg-abc123-a.oregon-postgres.render.com:5432/bot_db");
	}

	@Test
	void postgresSchemeWithoutPortAndWithQueryParameters() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@postgres.railway.internal/railway?sslmode=require&application_name=x");
		assertThat(url.jdbcUrl())
			.isEqualTo("jdbc:postgresql://postgres.railway.internal/railway?sslmode=require&ApplicationName=x");
		assertThat(url.username()).isEqualTo("u");
		assertThat(url.password()).isEqualTo("p");
	}

	@Test
	void percentEncodedCredentialsAreDecodedAndAPlusStaysAPlus() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Aw%2Fd+x%zz@[::1]:6543/db");
		assertThat(url.username()).isEqualTo("us@er");
		assertThat(url.password()).isEqualTo("p:w/d+x%zz");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/db");
	}

	@Test
	void anUnencodedAtSignInThePasswordBelongsToThePassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://user:p@ss@host:5432/db");
		assertThat(url.password()).isEqualTo("p@ss");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
	}

	@Test
	void noCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://host/db");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
	}

	@Test
	void aJdbcUrlLosesItsPasswordParameter() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5432/db?user=bot&password=" + PASSWORD
				+ "&sslmode=verify-full&targetServerType=primary");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/db?sslmode=verify-full&targetServerType=primary");
		assertThat(url.username()).isEqualTo("bot");
		assertThat(url.password()).isEqualTo(PASSWORD);
	}

	@Test
	void aPlainJdbcUrlIsKeptAsItIs() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/credentials");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/credentials");
		assertThat(url.username()).isNull();
	}

	@Test
	void toStringShowsNoPassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bot:" + PASSWORD + "@host:5432/db");
		assertThat(url.toString()).doesNotContain(PASSWORD).contains("host:5432/db").contains("(set)");
	}

	@Test
	void describeDropsParametersAndCredentials() {
		assertThat(DatabaseUrl.describe("jdbc:postgresql://host:5432/db?password=" + PASSWORD))
			.isEqualTo("jdbc:postgresql://host:5432/db");
		assertThat(DatabaseUrl.describe("jdbc:postgresql://u:" + PASSWORD + "@host/db")).isEqualTo("jdbc:postgresql://host/db");
	}

	@Test
	void anotherDatabaseIsRefusedNamingOnlyTheScheme() {
		Throwable failure = catchThrowable(() -> DatabaseUrl.parse("mysql://root:" + PASSWORD + "@db:3306/bot"));
		assertThat(failure).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'mysql:'")
			.hasMessageContaining("only PostgreSQL");
		assertThat(failure.getMessage()).doesNotContain(PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "postgresql://", "postgresql://user:" + PASSWORD + "@/db",
			PASSWORD + "@host/db", "jdbc:mysql://h/db?password=" + PASSWORD, "://" + PASSWORD,
			"postgresql//u:" + PASSWORD + "@h/db" })
	void malformedUrlsGetAClearAnswerThatQuotesNothing(String input) {
		Throwable failure = catchThrowable(() -> DatabaseUrl.parse(input));
		assertThat(failure).isInstanceOf(IllegalArgumentException.class);
		Canary.assertNoLeak(failure.getMessage(), List.of(PASSWORD));
	}

	@Test
	void nullIsEmpty() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(null)).withMessage("is empty");
	}

}
