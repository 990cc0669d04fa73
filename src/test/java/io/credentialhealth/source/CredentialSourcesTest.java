package io.credentialhealth.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialSourcesTest {

	@TempDir
	Path dir;

	@Test
	void environmentWinsOverSecretFilesWhichWinOverDotenv() throws Exception {
		Path secrets = Files.createDirectory(this.dir.resolve("secrets"));
		Files.writeString(secrets.resolve("A"), "from-file\n");
		Files.writeString(secrets.resolve("B"), "from-file\n");
		Path dotenv = Files.writeString(this.dir.resolve(".env"), "A=from-dotenv\nB=from-dotenv\nC=from-dotenv\n");
		CredentialSources sources = new CredentialSources(List.of(new EnvironmentSource(() -> Map.of("A", "from-env")),
				new SecretFilesSource(secrets), new DotenvSource(dotenv)));
		CredentialSources.Reading reading = sources.read();
		assertThat(reading.value("A")).get().extracting(SourcedValue::value, SourcedValue::origin)
			.containsExactly("from-env", "environment");
		assertThat(reading.value("B")).get().extracting(SourcedValue::value).isEqualTo("from-file");
		assertThat(reading.value("B").get().origin()).startsWith("secret file ");
		assertThat(reading.value("C")).get().extracting(SourcedValue::value).isEqualTo("from-dotenv");
		assertThat(reading.value("D")).isEmpty();
		assertThat(reading.problems()).isEmpty();
	}

	@Test
	void anUnchangedReadingIsTheSameObjectAndAChangedOneKeepsTheUnchangedValues() {
		Map<String, String> env = new HashMap<>(Map.of("A", "1", "B", "2"));
		CredentialSources sources = new CredentialSources(List.of(new EnvironmentSource(() -> Map.copyOf(env))));
		CredentialSources.Reading first = sources.read();
		assertThat(sources.read()).isSameAs(first);
		env.put("B", "3");
		CredentialSources.Reading changed = sources.read();
		assertThat(changed).isNotSameAs(first);
		assertThat(changed.value("A").get()).isSameAs(first.value("A").get());
		assertThat(changed.value("B").get().value()).isEqualTo("3");
		env.remove("A");
		assertThat(sources.read().values()).containsOnlyKeys("B");
	}

	@Test
	void anEmptyEnvironmentVariableHidesTheSecretFileBecauseTheBotSeesItToo() throws Exception {
		Path secrets = Files.createDirectory(this.dir.resolve("secrets"));
		Files.writeString(secrets.resolve("A"), "from-file");
		CredentialSources sources = new CredentialSources(
				List.of(new EnvironmentSource(() -> Map.of("A", "")), new SecretFilesSource(secrets)));
		assertThat(sources.read().value("A")).get().extracting(SourcedValue::value).isEqualTo("");
	}

	@Test
	void secretFilesTrimExactlyOneTrailingNewline() throws Exception {
		Files.writeString(this.dir.resolve("ONE"), "value\n");
		Files.writeString(this.dir.resolve("TWO"), "value\n\n");
		Files.writeString(this.dir.resolve("CRLF"), "value\r\n");
		Files.writeString(this.dir.resolve("not-a-variable.txt"), "ignored");
		Map<String, SourcedValue> values = new SecretFilesSource(this.dir).read();
		assertThat(values.get("ONE").value()).isEqualTo("value");
		assertThat(values.get("TWO").value()).isEqualTo("value\n");
		assertThat(values.get("CRLF").value()).isEqualTo("value\r");
		assertThat(ValueClassifier.classify(values.get("CRLF").value())).isEqualTo(Classification.SURROUNDING_WHITESPACE);
		assertThat(values).doesNotContainKey("not-a-variable.txt");
	}

	@Test
	void eachSecretFileReadsAloneAndAnOversizedOneIsCut() throws Exception {
		// One buffer serves every file: a short file read after a long one must not keep the long one's tail.
		for (int i = 0; i < 40; i++) {
			Files.writeString(this.dir.resolve("V" + i), "x".repeat((i * 37) % 200) + i);
		}
		Files.writeString(this.dir.resolve("HUGE"), "y".repeat(SecretFilesSource.MAX_BYTES + 10));
		Map<String, SourcedValue> values = new SecretFilesSource(this.dir).read();
		for (int i = 0; i < 40; i++) {
			assertThat(values.get("V" + i).value()).isEqualTo("x".repeat((i * 37) % 200) + i);
		}
		assertThat(values.get("HUGE").value()).hasSize(SecretFilesSource.MAX_BYTES);
	}

	@Test
	void aMissingSecretFilesDirectoryIsReportedWithoutFailingTheOtherSources() {
		CredentialSources sources = new CredentialSources(List.of(new EnvironmentSource(() -> Map.of("A", "x")),
				new SecretFilesSource(this.dir.resolve("gone"))));
		CredentialSources.Reading reading = sources.read();
		assertThat(reading.value("A")).isPresent();
		assertThat(reading.problems()).singleElement().asString().contains("gone").contains("does not exist");
	}

	@Test
	void dotenvUnderstandsExportCommentsAndQuotes() throws Exception {
		Path dotenv = Files.writeString(this.dir.resolve(".env"), """
				# comment
				export A=plain
				B="double quoted"
				C='single quoted'
				D=
				E=  padded
				not a line
				""");
		Map<String, SourcedValue> values = new DotenvSource(dotenv).read();
		assertThat(values.get("A").value()).isEqualTo("plain");
		assertThat(values.get("B").value()).isEqualTo("double quoted");
		assertThat(values.get("C").value()).isEqualTo("single quoted");
		assertThat(values.get("D").value()).isEmpty();
		assertThat(values.get("E").value()).isEqualTo("  padded");
		assertThat(values).hasSize(5);
	}

	@Test
	void aMissingDotenvFileIsSimplyEmpty() throws Exception {
		assertThat(new DotenvSource(this.dir.resolve("nope")).read()).isEmpty();
	}

	@Test
	void sourcedValueNeverPrintsItsValue() {
		SourcedValue value = new SourcedValue("A", "environment", "super-secret-value");
		assertThat(value.toString()).doesNotContain("super").contains("18 characters");
	}

}
