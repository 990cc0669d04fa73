package io.credentialhealth.deploy;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates documents against a platform's JSON schema. The schema's own {@code $schema} picks the
 * dialect (railway: draft-07, render: 2020-12); nothing is fetched over the network.
 */
final class SchemaValidation {

	private final Schema schema;

	private SchemaValidation(Schema schema) {
		this.schema = schema;
	}

	static SchemaValidation of(String schemaJson) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		return new SchemaValidation(registry.getSchema(schemaJson, InputFormat.JSON));
	}

	List<String> errors(String document, InputFormat format) {
		return this.schema.validate(document, format).stream().map(Error::toString).toList();
	}

}
