package io.credentialhealth.broker;

import java.util.List;

/**
 * The offline format rules of one broker. Implementations are stateless and fast even on hostile
 * input (huge, binary or control-character values): every value is length-capped before parsing.
 * A {@code null} component means the variable is absent, which is reported elsewhere, so rules skip
 * it rather than report it twice.
 */
public interface FormatRules {

	Broker broker();

	List<FormatFinding> check(CredentialValues values);

}
