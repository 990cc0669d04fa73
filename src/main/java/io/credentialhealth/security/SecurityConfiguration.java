package io.credentialhealth.security;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Locks everything but the probes with one token when {@code CREDENTIALS_ACCESS_TOKEN} is set. Without
 * one there is nothing to lock: this configuration and Boot's security auto-configurations stay out
 * ({@link SecurityAutoConfigurationFilter}) and {@link SecurityHeadersConfiguration} adds the headers.
 * Stateless: no session, no cookie, hence no CSRF token for POST /actuator/credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(OnAccessTokenCondition.class)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		AccessTokenAuthentication token = new AccessTokenAuthentication(properties.accessToken());
		AuthenticationFilter filter = new AuthenticationFilter(token, token);
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("credential-health");
		entryPoint.afterPropertiesSet();
		filter.setFailureHandler((request, response, exception) -> entryPoint.commence(request, response, exception));
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// Written for every response, secured or not, by SecurityHeadersConfiguration.
			.headers((headers) -> headers.disable())
			.addFilterAt(filter, BasicAuthenticationFilter.class)
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
		return new AccessTokenAuthentication(properties.accessToken());
	}

}
