package io.credentialhealth.state;

/**
 * How the state store is doing.
 *
 * @param type "file", "jdbc" or "memory"
 * @param location where it keeps its data (never a password)
 * @param degraded true when it could not persist and keeps state in memory only
 * @param problem what went wrong, null when healthy
 */
public record StoreStatus(String type, String location, boolean degraded, String problem) {
}
