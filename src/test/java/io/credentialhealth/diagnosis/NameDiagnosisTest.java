package io.credentialhealth.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.credentialhealth.check.Finding;
import io.credentialhealth.registry.VariableRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameDiagnosisTest {

	private static final List<String> ALL_REGISTERED = List.of("COINBASE_API_KEY", "COINBASE_API_SECRET",
			"KRAKEN_MASTER_API_KEY", "KRAKEN_MASTER_API_SECRET", "ALPACA_API_KEY", "ALPACA_API_SECRET",
			"KRAKEN_USER_DAIVON_API_KEY", "KRAKEN_USER_DAIVON_API_SECRET", "KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANIA_API_SECRET", "ALPACA_USER_TANIA_API_KEY", "ALPACA_USER_TANIA_API_SECRET",
			"ALPACA_USER_TANIA_PAPER");

	private final NameDiagnosis diagnosis = new NameDiagnosis(BuiltInRegistry.accounts(), List.of("RENDER_API_KEY"));

	/** Every registered variable is set except the ones named, plus the extra names given. */
	private NameDiagnosis.Result diagnose(List<String> missing, String... extra) {
		Map<String, String> origins = new LinkedHashMap<>();
		origins.put("PATH", "environment");
		origins.put("HOME", "environment");
		ALL_REGISTERED.stream().filter((name) -> !missing.contains(name)).forEach((name) -> origins.put(name, "environment"));
		for (String name : extra) {
			origins.put(name, "environment");
		}
		return this.diagnosis.diagnose(origins);
	}

	private static List<String> hints(NameDiagnosis.Result result) {
		return result.nearMisses().stream().map((miss) -> miss.found() + " -> " + miss.variable()).toList();
	}

	@ParameterizedTest(name = "{0} is a near miss of {1}")
	@CsvSource({
			// another case, or other separators
			"kraken_user_tania_api_key, KRAKEN_USER_TANIA_API_KEY",
			"Kraken-User-Tania-Api-Key, KRAKEN_USER_TANIA_API_KEY",
			// a missing suffix, or part of it
			"KRAKEN_USER_TANIA, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANIA_API, KRAKEN_USER_TANIA_API_KEY",
			// a longer user id, as an extra part or a longer part
			"KRAKEN_USER_TANIA_GILBERT_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANIAGILBERT_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANIA_API_KEY_OLD, KRAKEN_USER_TANIA_API_KEY",
			// a missing structure word
			"KRAKEN_USER_TANIA_KEY, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_TANIA_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			// small edits: a transposition, a substitution, two edits
			"KRAKEN_USER_TANIA_API_KYE, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANYA_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			"KRAKN_USR_TANIA_API_KEY, KRAKEN_USER_TANIA_API_KEY" })
	void findsNearMiss(String found, String registered) {
		NameDiagnosis.Result result = diagnose(List.of(registered), found);
		assertThat(hints(result)).containsExactly(found + " -> " + registered);
		assertThat(result.unregistered()).isEmpty();
	}

	@ParameterizedTest(name = "{0} is not a near miss of {1}")
	@CsvSource({
			// the registered name itself is present: another case is a duplicate, not a near miss
			"kraken_user_tania_api_key, ",
			// too short to be this account's variable: the user id is missing
			"KRAKEN_USER, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN, KRAKEN_MASTER_API_KEY",
			// another user, with or without a longer id
			"KRAKEN_USER_BOB_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_BOB_GILBERT_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			// two extra parts is another name, not a longer one
			"KRAKEN_USER_TANIA_MARIE_GILBERT_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			// losing the user id makes it anybody's key
			"KRAKEN_USER_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			// three edits
			"KRAKN_USR_TANYA_API_KEY, KRAKEN_USER_TANIA_API_KEY",
			// unrelated
			"KRAKEN_WEBHOOK_URL, KRAKEN_MASTER_API_KEY" })
	void ignoresDistantName(String found, String registered) {
		List<String> missing = (registered != null) ? List.of(registered) : List.of();
		assertThat(diagnose(missing, found).nearMisses()).isEmpty();
	}

	@Test
	void messageNamesBothAndNeverAValue() {
		NameDiagnosis.Result result = diagnose(List.of("KRAKEN_USER_TANIA_API_KEY", "KRAKEN_USER_TANIA_API_SECRET"),
				"KRAKEN_USER_TANIA");
		List<Finding> findings = result.findings("kraken-user-tania");
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(finding.role()).isEqualTo(VariableRole.KEY);
			assertThat(finding.message()).startsWith("found KRAKEN_USER_TANIA, did you mean KRAKEN_USER_TANIA_API_KEY?")
				.contains("lacks the ending _API_KEY")
				.contains("from environment");
		});
		assertThat(result.findings("kraken-user-daivon")).isEmpty();
	}

	@Test
	void truncatedNamePrefersTheNearestMissingVariable() {
		assertThat(hints(diagnose(List.of("KRAKEN_USER_TANIA_API_KEY", "KRAKEN_USER_TANIA_API_SECRET"),
				"KRAKEN_USER_TANIA_API")))
			.containsExactly("KRAKEN_USER_TANIA_API -> KRAKEN_USER_TANIA_API_KEY");
		assertThat(hints(diagnose(List.of("KRAKEN_USER_TANIA_API_SECRET"), "KRAKEN_USER_TANIA_API")))
			.containsExactly("KRAKEN_USER_TANIA_API -> KRAKEN_USER_TANIA_API_SECRET");
	}

	@Test
	void nearMissIsMatchedToTheRightAccount() {
		NameDiagnosis.Result result = diagnose(List.of("KRAKEN_USER_TANIA_API_KEY", "ALPACA_USER_TANIA_API_KEY"),
				"KRAKEN_USER_TANIA_GILBERT_API_KEY", "alpaca_user_tania_api_key");
		assertThat(result.findings("kraken-user-tania")).extracting(Finding::message)
			.singleElement()
			.asString()
			.startsWith("found KRAKEN_USER_TANIA_GILBERT_API_KEY, did you mean KRAKEN_USER_TANIA_API_KEY?");
		assertThat(result.findings("alpaca-user-tania")).extracting(Finding::message)
			.singleElement()
			.asString()
			.startsWith("found alpaca_user_tania_api_key, did you mean ALPACA_USER_TANIA_API_KEY?");
	}

	@Test
	void masterConventionNameIsANearMissOfACustomName() {
		assertThat(hints(diagnose(List.of("COINBASE_API_KEY"), "COINBASE_MASTER_API_KEY")))
			.containsExactly("COINBASE_MASTER_API_KEY -> COINBASE_API_KEY");
		assertThat(hints(diagnose(List.of("KRAKEN_MASTER_API_KEY"), "KRAKEN_API_KEY")))
			.containsExactly("KRAKEN_API_KEY -> KRAKEN_MASTER_API_KEY");
	}

	@Test
	void listsUnregisteredCredentialLookingNames() {
		NameDiagnosis.Result result = diagnose(List.of(), "BINANCE_API_KEY", "BINANCE_API_SECRET", "ALPACA_USER_BOB_PAPER",
				"KRAKEN_WEBHOOK_URL", "API_KEY", "RENDER_API_KEY");
		assertThat(result.unregistered()).extracting(NameDiagnosis.Unregistered::name)
			.containsExactly("ALPACA_USER_BOB_PAPER", "BINANCE_API_KEY", "BINANCE_API_SECRET");
		assertThat(result.globalWarnings()).singleElement()
			.asString()
			.startsWith("credential-looking variables that no account registers: ALPACA_USER_BOB_PAPER (environment), "
					+ "BINANCE_API_KEY (environment), BINANCE_API_SECRET (environment)");
	}

	@Test
	void unregisteredNameWithAnAccountsPrefixIsAlsoAWarningOnThatAccount() {
		NameDiagnosis.Result result = diagnose(List.of(), "KRAKEN_USER_TANIA_LIVE_API_KEY", "BINANCE_API_KEY");
		assertThat(result.findings("kraken-user-tania")).extracting(Finding::message)
			.singleElement()
			.asString()
			.startsWith("KRAKEN_USER_TANIA_LIVE_API_KEY looks like a credential of this account, but no account registers it");
		assertThat(result.findings("kraken-user-daivon")).isEmpty();
		assertThat(result.findings("coinbase-master")).isEmpty();
	}

	@Test
	void unregisteredNameThatIsANearMissIsReportedOnceAsTheNearMiss() {
		NameDiagnosis.Result result = diagnose(List.of("KRAKEN_USER_TANIA_API_KEY"), "KRAKEN_USER_TANIA_LIVE_API_KEY");
		assertThat(hints(result)).containsExactly("KRAKEN_USER_TANIA_LIVE_API_KEY -> KRAKEN_USER_TANIA_API_KEY");
		assertThat(result.unregistered()).isEmpty();
		assertThat(result.globalWarnings()).isEmpty();
		assertThat(result.findings("kraken-user-tania")).hasSize(1);
	}

	@Test
	void registeredNamesAreNeverCandidates() {
		// Daivon's key is one typo away from a hypothetical DAIVIN, but registered names are ignored.
		NameDiagnosis.Result result = diagnose(List.of("KRAKEN_USER_TANIA_API_KEY"));
		assertThat(result.nearMisses()).isEmpty();
		assertThat(result.unregistered()).isEmpty();
	}

	@Test
	void hostileNamesAreSkipped() {
		String longName = "KRAKEN_USER_TANIA_API_KEY" + "X".repeat(200);
		NameDiagnosis.Result result = diagnose(List.of("KRAKEN_USER_TANIA_API_KEY"), longName,
				"KRAKEN_USER_TANIA_API_KEY\u001b[2J", "KRAKEN_USER_TANIA_API_KEY$(reboot)", "KRAKEN USER TANIA API KEY",
				"", "\u041aRAKEN_USER_TANIA_API_KEY");
		assertThat(result.nearMisses()).isEmpty();
		assertThat(result.unregistered()).isEmpty();
	}

	@Test
	void thousandsOfNamesAreDiagnosedQuickly() {
		Random random = new Random(42);
		Map<String, String> origins = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			origins.put(randomName(random, 5 + random.nextInt(40)), "environment");
		}
		for (int i = 0; i < 2_000; i++) {
			// Same length as registered names and similar letters: the expensive case.
			origins.put("KRAKEN_USER_" + randomName(random, 5) + "_API_KEY", "environment");
		}
		String huge = "KRAKEN_USER_TANIA_API_KEY".repeat(4_000);
		for (int i = 0; i < 200; i++) {
			origins.put(huge + i, "environment");
		}
		origins.put("KRAKEN_USER_TANIA", "environment");
		long started = System.nanoTime();
		NameDiagnosis.Result result = this.diagnosis.diagnose(origins);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(result.nearMisses()).extracting(NameDiagnosis.NearMiss::found).contains("KRAKEN_USER_TANIA");
		System.out.println("Near-miss diagnosis of " + origins.size() + " names took " + millis + " ms");
		assertThat(millis).as("diagnosis of %d names took %d ms", origins.size(), millis).isLessThan(3_000);
	}

	@Test
	void globalListIsBounded() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			names.add("EXCHANGE" + i + "_API_KEY");
		}
		NameDiagnosis.Result result = diagnose(List.of(), names.toArray(String[]::new));
		assertThat(result.unregistered()).hasSize(100);
		assertThat(result.globalWarnings()).singleElement().asString().contains(" and 80 more");
	}

	private static String randomName(Random random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
		StringBuilder name = new StringBuilder("A");
		while (name.length() < length) {
			name.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return name.toString();
	}

}
