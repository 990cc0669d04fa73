package io.credentialhealth.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.credentialhealth.support.Canary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watched secret-files directory: reads while nothing changed return the previous values without
 * reading a file, and every kind of change is still seen.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretFilesWatchTest {

	@TempDir
	Path dir;

	private Path secrets;

	private final AtomicLong nanos = new AtomicLong();

	private SecretFilesSource source;

	@BeforeEach
	void setUp() throws Exception {
		this.secrets = Files.createDirectory(this.dir.resolve("secrets"));
		Files.writeString(this.secrets.resolve("KEY"), "key-1\n");
		Files.writeString(this.secrets.resolve("SECRET"), "secret-1\n");
		settle(this.secrets);
		this.source = new SecretFilesSource(this.secrets, Duration.ofMinutes(10), this.nanos::get);
	}

	@AfterEach
	void tearDown() {
		this.source.close();
	}

	@Test
	void aReadWhileNothingChangedReturnsThePreviousValues() throws Exception {
		Map<String, SourcedValue> first = this.source.read();
		assertThat(first).containsOnlyKeys("KEY", "SECRET");
		this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
		assertThat(this.source.read()).isSameAs(first);
		assertThat(this.source.fullReads()).isOne();
	}

	@Test
	void aFileRewrittenInPlaceIsSeen() throws Exception {
		Map<String, SourcedValue> first = this.source.read();
		Files.writeString(this.secrets.resolve("KEY"), "key-2\n");
		Map<String, SourcedValue> changed = readUntil((values) -> values.get("KEY").value().equals("key-2"));
		assertThat(changed.get("SECRET")).as("an unchanged value is the same object").isSameAs(first.get("SECRET"));
		assertThat(changed.get("KEY")).isNotSameAs(first.get("KEY"));
	}

	@Test
	void aDeletedFileIsSeenByTheNextRead() throws Exception {
		this.source.read();
		Files.delete(this.secrets.resolve("KEY"));
		assertThat(this.source.read()).containsOnlyKeys("SECRET");
	}

	@Test
	void aCreatedFileIsSeenByTheNextRead() throws Exception {
		this.source.read();
		Files.writeString(this.secrets.resolve("PAPER"), "true");
		assertThat(this.source.read()).containsOnlyKeys("KEY", "SECRET", "PAPER");
	}

	@Test
	void aKubernetesStyleSwapOfLinksIsSeen() throws Exception {
		Path v1 = Files.createDirectory(this.dir.resolve("k8s-v1"));
		Files.writeString(v1.resolve("TOKEN"), "token-1");
		Path mount = Files.createDirectory(this.dir.resolve("mount"));
		Files.createSymbolicLink(mount.resolve("..data"), v1);
		Files.createSymbolicLink(mount.resolve("TOKEN"), mount.resolve("..data/TOKEN"));
		settle(mount);
		try (SecretFilesSource linked = new SecretFilesSource(mount, Duration.ofMinutes(10), this.nanos::get)) {
			assertThat(linked.read().get("TOKEN").value()).isEqualTo("token-1");
			Path v2 = Files.createDirectory(this.dir.resolve("k8s-v2"));
			Files.writeString(v2.resolve("TOKEN"), "token-2");
			Files.createSymbolicLink(mount.resolve("..data_tmp"), v2);
			Files.move(mount.resolve("..data_tmp"), mount.resolve("..data"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			assertThat(linked.read().get("TOKEN").value()).isEqualTo("token-2");
		}
	}

	@Test
	void aDirectoryReplacedByAnotherIsReadAgain() throws Exception {
		this.source.read();
		Files.move(this.secrets, this.dir.resolve("old"));
		Path replacement = Files.createDirectory(this.secrets);
		Files.writeString(replacement.resolve("OTHER"), "x");
		assertThat(this.source.read()).containsOnlyKeys("OTHER");
	}

	@Test
	void aVanishedDirectoryIsReportedAndItsReturnIsSeen() throws Exception {
		this.source.read();
		Path aside = Files.move(this.secrets, this.dir.resolve("aside"));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(SourceReadException.class)
			.isThrownBy(this.source::read)
			.withMessageContaining("does not exist");
		Files.writeString(aside.resolve("KEY"), "key-3");
		Files.move(aside, this.secrets);
		assertThat(this.source.read().get("KEY").value()).isEqualTo("key-3");
	}

	@Test
	void everyFileIsReadAgainOncePerIntervalWhateverTheWatchSays() throws Exception {
		Map<String, SourcedValue> first = this.source.read();
		this.nanos.addAndGet(Duration.ofMinutes(10).toNanos());
		Map<String, SourcedValue> again = this.source.read();
		assertThat(this.source.fullReads()).isEqualTo(2);
		assertThat(again).as("nothing changed: the same values, as the same map").isSameAs(first);
	}

	@Test
	void withAnIntervalOfZeroEveryReadReadsEveryFile() throws Exception {
		try (SecretFilesSource unwatched = new SecretFilesSource(this.secrets, Duration.ZERO)) {
			unwatched.read();
			unwatched.read();
			assertThat(unwatched.fullReads()).isEqualTo(2);
			Files.writeString(this.secrets.resolve("KEY"), "key-2\n");
			assertThat(unwatched.read().get("KEY").value()).isEqualTo("key-2");
		}
	}

	@Test
	void aClosedSourceReadsEveryFile() throws Exception {
		this.source.read();
		this.source.close();
		this.source.read();
		assertThat(this.source.fullReads()).isEqualTo(2);
	}

	@Test
	void rightAfterAChangeEveryReadIsAFullOneBecauseFilesystemTimesAreCoarse() throws Exception {
		Files.writeString(this.secrets.resolve("PAPER"), "true");
		this.source.read();
		this.source.read();
		assertThat(this.source.fullReads()).isEqualTo(2);
		settle(this.secrets);
		this.source.read();
		this.source.read();
		assertThat(this.source.fullReads()).as("settled: the fourth read is the third's").isEqualTo(3);
	}

	@Test
	void valuesKeptBetweenReadsNeverShowInOutputOrMessages(CapturedOutput output) throws Exception {
		String canary = "canary-" + java.util.UUID.randomUUID();
		Files.writeString(this.secrets.resolve("SECRET"), canary + "\n");
		settle(this.secrets);
		StringBuilder seen = new StringBuilder();
		seen.append(this.source.read()).append(this.source.read()).append(this.source);
		Path aside = Files.move(this.secrets, this.dir.resolve("aside"));
		try {
			this.source.read();
		}
		catch (SourceReadException ex) {
			seen.append(ex.getMessage()).append(ex);
		}
		Files.move(aside, this.secrets);
		seen.append(this.source.read());
		assertThat(seen.toString()).contains("SECRET");
		Canary.assertNoLeak(seen + output.getAll(), List.of(canary));
	}

	/** As on a platform, where the files were written before the service started. */
	private static void settle(Path directory) throws Exception {
		Files.setLastModifiedTime(directory, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
	}

	/** A rewrite in place is seen once the watch's thread has taken the kernel's event: in practice at once. */
	private Map<String, SourcedValue> readUntil(Predicate<Map<String, SourcedValue>> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Map<String, SourcedValue> values = this.source.read();
		while (!condition.test(values) && System.nanoTime() < deadline) {
			Thread.sleep(10);
			values = this.source.read();
		}
		assertThat(condition).accepts(values);
		return values;
	}

}
