package io.credentialhealth.support;

import tools.jackson.databind.JsonNode;

/** Finds entries of the {@code /actuator/credentials} inventory JSON, failing the test when one is absent. */
public final class InventoryJson {

	private InventoryJson() {
	}

	public static JsonNode account(JsonNode inventory, String id) {
		return entry(inventory.get("accounts"), "id", id, "account");
	}

	public static JsonNode variable(JsonNode account, String name) {
		return entry(account.get("variables"), "name", name, "variable");
	}

	private static JsonNode entry(JsonNode array, String key, String value, String what) {
		for (JsonNode entry : array) {
			if (entry.get(key).asString().equals(value)) {
				return entry;
			}
		}
		throw new AssertionError("no " + what + " " + value);
	}

}
