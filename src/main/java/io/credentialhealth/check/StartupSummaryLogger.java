package io.credentialhealth.check;

import java.util.stream.Collectors;

import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Role;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;

/**
 * After the first check, one line per account as operators know them from the bot
 * ({@code MASTER coinbase-master: Master (COINBASE) ready}), then the totals. Plain text: the emoji
 * of the old scripts arrived garbled in platform log viewers.
 */
public class StartupSummaryLogger {

	private static final Log logger = LogFactory.getLog(StartupSummaryLogger.class);

	@EventListener
	public void summarize(CheckCompleted completed) {
		if (!completed.isFirst()) {
			return;
		}
		Snapshot snapshot = completed.current();
		PlatformInfo platform = snapshot.platform();
		logger.info("Credential check on " + platform.platform().displayName() + " (environment "
				+ platform.environment() + ", service " + platform.service() + ", deployment " + platform.deploymentId()
				+ ", instance " + platform.instanceId() + ", commit " + platform.commit() + "): "
				+ snapshot.accounts().size() + " accounts");
		for (AccountStatus status : snapshot.accounts()) {
			String line = line(status);
			if (status.state().isHealthy()) {
				logger.info(line);
			}
			else {
				logger.warn(line);
			}
		}
		logger.info("Master accounts configured: " + snapshot.configured(Role.MASTER) + "/" + snapshot.total(Role.MASTER));
		logger.info("User accounts configured: " + snapshot.configured(Role.USER) + "/" + snapshot.total(Role.USER));
		snapshot.sourceProblems().forEach((problem) -> logger.warn("Credential source problem: " + problem));
		snapshot.warnings().forEach(logger::warn);
		if (snapshot.store().degraded()) {
			logger.warn("State store degraded: " + snapshot.store().problem());
		}
	}

	static String line(AccountStatus status) {
		StringBuilder line = new StringBuilder();
		line.append(status.state().isHealthy() ? "[ok] " : "[!!] ");
		line.append(status.account().role().name()).append(' ').append(status.id()).append(": ");
		line.append(status.account().label()).append(' ').append(status.state().label());
		if (!status.account().required()) {
			line.append(" (optional)");
		}
		if (!status.problems().isEmpty()) {
			line.append(": ").append(String.join("; ", status.problems()));
		}
		if (!status.fixes().isEmpty()) {
			line.append("; fix: ").append(status.fixes().stream().collect(Collectors.joining(" | ")));
		}
		return line.toString();
	}

}
