package io.credentialhealth.registry;

/** One environment variable that carries part of an account's credentials. */
public record Variable(String name, VariableRole role) {
}
