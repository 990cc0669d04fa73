package io.credentialhealth.diagnosis;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CredentialInspector;
import io.credentialhealth.check.Finding;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Near-miss names as warnings: {@code found KRAKEN_USER_TANIA, did you mean
 * KRAKEN_USER_TANIA_API_KEY?} on the account, and one global warning listing credential-looking
 * variables that no account registers. Only names reach {@link NameDiagnosis}; warnings never
 * change an account's state.
 */
public class NearMissInspector implements CredentialInspector {

	private static final Log logger = LogFactory.getLog(NearMissInspector.class);

	private final NameDiagnosis diagnosis;

	/** The checker calls once per account with the same reading: diagnose it once. */
	private Cached cached;

	/** The names and origins last diagnosed, never values: a reading with the same ones has the same result. */
	private Map<String, String> lastInput;

	private NameDiagnosis.Result lastResult;

	public NearMissInspector(NameDiagnosis diagnosis) {
		this.diagnosis = diagnosis;
	}

	@Override
	public List<Finding> inspect(Account account, Map<VariableRole, SourcedValue> values,
			CredentialSources.Reading reading) {
		return cached(reading).findings().getOrDefault(account.id(), List.of());
	}

	@Override
	public List<String> inspectReading(CredentialSources.Reading reading) {
		return result(reading).globalWarnings();
	}

	/** Never throws: a hint must not turn an account INVALID (the checker treats a failing inspector so). */
	NameDiagnosis.Result result(CredentialSources.Reading reading) {
		return cached(reading).result();
	}

	private synchronized Cached cached(CredentialSources.Reading reading) {
		if (this.cached != null && this.cached.reading().get() == reading) {
			return this.cached;
		}
		NameDiagnosis.Result result;
		if (this.lastResult != null && sameInput(reading)) {
			// Nearly every check: the diagnosis of 20,000 names was 16% of a check of 10,000 accounts.
			result = this.lastResult;
		}
		else {
			Map<String, String> origins = new HashMap<>();
			reading.values().forEach((name, value) -> origins.put(name, value.origin()));
			try {
				result = this.diagnosis.diagnose(origins);
				this.lastInput = origins;
				this.lastResult = result;
			}
			catch (RuntimeException ex) {
				logger.warn("Near-miss diagnosis failed (" + ex.getClass().getName() + "); no name hints this check");
				result = NameDiagnosis.Result.EMPTY;
				this.lastInput = null;
				this.lastResult = null;
			}
		}
		this.cached = new Cached(new WeakReference<>(reading), result, byAccount(result));
		return this.cached;
	}

	/** Each account's findings, computed once per reading rather than by scanning every hint for each account. */
	private static Map<String, List<Finding>> byAccount(NameDiagnosis.Result result) {
		Map<String, List<Finding>> findings = new HashMap<>();
		result.nearMisses().forEach((nearMiss) -> findings.computeIfAbsent(nearMiss.accountId(), result::findings));
		result.unregistered()
			.stream()
			.filter((name) -> name.accountId() != null)
			.forEach((name) -> findings.computeIfAbsent(name.accountId(), result::findings));
		return findings;
	}

	/** Whether the reading has exactly the names, each from the same origin, that were last diagnosed. */
	private boolean sameInput(CredentialSources.Reading reading) {
		Map<String, SourcedValue> values = reading.values();
		if (values.size() != this.lastInput.size()) {
			return false;
		}
		for (Map.Entry<String, SourcedValue> entry : values.entrySet()) {
			if (!entry.getValue().origin().equals(this.lastInput.get(entry.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/** Weak, so the reading (which holds raw values) is not kept alive between checks. */
	private record Cached(WeakReference<CredentialSources.Reading> reading, NameDiagnosis.Result result,
			Map<String, List<Finding>> findings) {
	}

}
