package io.credentialhealth.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.credentialhealth.support.PromtoolCheck;
import io.credentialhealth.support.PromtoolCheck.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alert rules ({@code monitoring/prometheus}) pass promtool's checks and unit tests, every alert is
 * tested both firing and silent, and a broken rule makes the unit tests fail.
 */
class AlertRulesIT {

	static final Path DIR = PromtoolCheck.MONITORING;

	static final Path RULES = DIR.resolve("credential-alerts.yml");

	static final List<Path> TESTS = List.of(DIR.resolve("credential-alerts-test.yml"),
			DIR.resolve("credential-alerts-rotation-test.yml"));

	static final Set<String> ALERTS = Set.of("RequiredCredentialUnavailable", "CredentialLost", "CredentialCheckStale",
			"CredentialHealthAbsent", "CredentialDriftAcrossEnvironments", "CredentialNotRotated");

	@Test
	void rulesAreValid() {
		Result result = PromtoolCheck.checkRules(RULES);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).contains("SUCCESS: 7 rules found");
	}

	@Test
	void ruleUnitTestsPass() {
		Result result = PromtoolCheck.testRules(TESTS.toArray(Path[]::new));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).doesNotContain("FAILED");
		assertThat(result.output().split("SUCCESS", -1)).hasSize(TESTS.size() + 1);
	}

	@Test
	void exampleScrapeConfigIsValid() {
		Result result = PromtoolCheck.checkConfig(DIR.resolve("prometheus.yml"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).contains("is valid prometheus config file syntax").contains("SUCCESS: 7 rules found");
	}

	@Test
	void everyAlertIsTestedFiringAndSilent() throws IOException {
		assertThat(alertNames(RULES)).containsExactlyInAnyOrderElementsOf(ALERTS);
		Map<String, Set<String>> cases = new LinkedHashMap<>();
		for (Path file : TESTS) {
			for (Map<String, Object> test : list(yaml(file).get("tests"))) {
				for (Map<String, Object> alertTest : list(test.get("alert_rule_test"))) {
					List<Map<String, Object>> expected = list(alertTest.get("exp_alerts"));
					cases.computeIfAbsent((String) alertTest.get("alertname"), (name) -> new TreeSet<>())
						.add(expected.isEmpty() ? "silent" : "firing");
				}
			}
		}
		assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(ALERTS);
		assertThat(cases).allSatisfy((alert, kinds) -> assertThat(kinds).as(alert).containsExactly("firing", "silent"));
	}

	/**
	 * A copy of the rules with one deliberate mistake must fail the unit tests, or they prove nothing. Each row:
	 * the alert to break, the text in its block to replace, and the replacement.
	 */
	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@CsvSource(delimiterString = "::", textBlock = """
			RequiredCredentialUnavailable     :: for: 1m                         :: for: 5m
			RequiredCredentialUnavailable     :: lost|invalid|rejected           :: lost|invalid
			CredentialLost                    :: (up offset 10m)                 :: (up)
			CredentialCheckStale              :: > 3 * (                         :: > 4 * (
			CredentialHealthAbsent            :: == 0                            :: == 1
			CredentialDriftAcrossEnvironments :: state=~"not_configured|lost"    :: state!="configured"
			CredentialNotRotated              :: > scalar(                       :: < scalar(
			""")
	void brokenRuleFailsTheUnitTests(String alert, String from, String to, @TempDir Path dir) throws IOException {
		copyMonitoring(dir);
		Path rules = dir.resolve(RULES.getFileName());
		Files.writeString(rules, breakRule(Files.readString(rules), alert, from, to));

		Result result = PromtoolCheck.testRules(TESTS.stream().map((t) -> dir.resolve(t.getFileName())).toArray(Path[]::new));

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.output()).contains("FAILED").contains("alertname: " + alert);
	}

	@Test
	void syntaxErrorFailsTheCheck(@TempDir Path dir) throws IOException {
		copyMonitoring(dir);
		Path rules = dir.resolve(RULES.getFileName());
		Files.writeString(rules, Files.readString(rules).replace("max without (state) (", "max without (state ("));

		Result result = PromtoolCheck.checkRules(rules);

		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.output()).contains("FAILED");
	}

	/** Replaces {@code from} inside the block of one alert rule only, and insists that it was there. */
	static String breakRule(String rules, String alert, String from, String to) {
		int start = rules.indexOf("- alert: " + alert + "\n");
		assertThat(start).as("rule " + alert).isNotNegative();
		int next = rules.indexOf("- alert: ", start + 1);
		int end = (next < 0) ? rules.length() : next;
		String block = rules.substring(start, end);
		assertThat(block).as("rule " + alert).contains(from);
		return rules.substring(0, start) + block.replace(from, to) + rules.substring(end);
	}

	static void copyMonitoring(Path dir) throws IOException {
		Files.copy(RULES, dir.resolve(RULES.getFileName()));
		for (Path test : TESTS) {
			Files.copy(test, dir.resolve(test.getFileName()));
		}
	}

	static Set<String> alertNames(Path rules) throws IOException {
		Set<String> names = new LinkedHashSet<>();
		for (Map<String, Object> group : list(yaml(rules).get("groups"))) {
			for (Map<String, Object> rule : list(group.get("rules"))) {
				if (rule.containsKey("alert")) {
					names.add((String) rule.get("alert"));
				}
			}
		}
		return names;
	}

	static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml().load(Files.readString(file));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
