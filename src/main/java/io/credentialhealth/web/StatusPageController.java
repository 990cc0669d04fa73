package io.credentialhealth.web;

import java.nio.charset.StandardCharsets;

import io.credentialhealth.check.CurrentSnapshot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the incident status page. Reads only the current snapshot, so it answers as fast
 * as health does and never touches a value. Imported by {@link WebConfiguration} (there is no
 * component scanning); the same property switches off the {@link StatusPage} bean.
 */
@RestController
@ConditionalOnBooleanProperty(name = "credentials.status-page.enabled", matchIfMissing = true)
class StatusPageController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final CurrentSnapshot snapshot;

	private final StatusPage page;

	StatusPageController(CurrentSnapshot snapshot, StatusPage page) {
		this.snapshot = snapshot;
		this.page = page;
	}

	@GetMapping("/")
	ResponseEntity<String> page() {
		// A cached copy would show a state that is over; the page is small and cheap to render.
		if (!this.snapshot.isAvailable()) {
			// Only before the first check, which runs before the server opens its port.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(HTML)
				.cacheControl(CacheControl.noStore())
				.body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>credential-health</title></head>"
						+ "<body><p>No credential check has completed yet. Reload in a few seconds.</p></body></html>");
		}
		return ResponseEntity.ok()
			.contentType(HTML)
			.cacheControl(CacheControl.noStore())
			.body(this.page.render(this.snapshot.get()));
	}

}
