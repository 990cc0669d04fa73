package io.credentialhealth.security;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Open by default for local use; locked with one token when {@code CREDENTIALS_ACCESS_TOKEN} is set.
 * Stateless: no session, no cookie, hence no CSRF token for POST /actuator/credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** The status page loads script and style from this origin only: no 'unsafe-inline' needed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.crossOriginOpenerPolicy((coop) -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)));
		if (!properties.protectedByToken()) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		AccessTokenAuthentication token = new AccessTokenAuthentication(properties.accessToken());
		AuthenticationFilter filter = new AuthenticationFilter(token, token);
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("credential-health");
		entryPoint.afterPropertiesSet();
		filter.setFailureHandler((request, response, exception) -> entryPoint.commence(request, response, exception));
		http.addFilterAt(filter, BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests((requests) -> requests
				// Probes and the health tree answer status-only without the token (details need it).
				.requestMatchers(EndpointRequest.to("health"), EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("info"))
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** Present so Boot does not create its default user and log a generated password. */
	@Bean
	AuthenticationManager authenticationManager(SecurityProperties properties) {
		if (properties.protectedByToken()) {
			return new AccessTokenAuthentication(properties.accessToken());
		}
		return (authentication) -> {
			throw new org.springframework.security.authentication.ProviderNotFoundException("No access token is configured");
		};
	}

}
