package io.credentialhealth.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * Security headers on every response, with or without an access token: the headers that OWASP's
 * Secure Headers Project lists as active (nosniff, X-Frame-Options DENY, a strict content security
 * policy, no referrer, a same-origin opener, HSTS on HTTPS and {@code Cache-Control: no-store} unless
 * the response says otherwise). Spring Security's defaults also send X-XSS-Protection, Pragma and
 * Expires; OWASP lists the first two as deprecated and Cache-Control supersedes Expires. Left out,
 * they cost a readiness probe 2-3% of its CPU for nothing (docs/benchmarks.md, change 24).
 * Spring Security's own header writers, run by its {@link HeaderWriterFilter} as a plain servlet
 * filter, ahead of the security filter chain (order -100) so that a 401 carries them too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityHeadersConfiguration {

	/** The status page loads script and style from this origin only: no 'unsafe-inline' needed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** No copy anywhere: responses are live state. */
	static final String CACHE_CONTROL = "no-store";

	@Bean
	FilterRegistrationBean<HeaderWriterFilter> securityHeadersFilter() {
		CrossOriginOpenerPolicyHeaderWriter sameOriginOpener = new CrossOriginOpenerPolicyHeaderWriter();
		sameOriginOpener.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
		HeaderWriterFilter filter = new HeaderWriterFilter(List.of(new XContentTypeOptionsHeaderWriter(),
				new StaticHeadersWriter("Cache-Control", CACHE_CONTROL), new HstsHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
				new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
				sameOriginOpener));
		// Before the chain rather than when the response commits: no response wrapper on every request,
		// which was about a tenth of a readiness probe's CPU. Handlers still override Cache-Control.
		filter.setShouldWriteHeadersEagerly(true);
		FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
