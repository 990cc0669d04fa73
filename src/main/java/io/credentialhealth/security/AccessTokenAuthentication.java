package io.credentialhealth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The single shared access token, accepted as {@code Authorization: Bearer <token>} or as the
 * password of HTTP Basic (any user name, so a browser's login prompt works at 3 a.m.). Compared in
 * constant time; the token is never logged or echoed.
 */
final class AccessTokenAuthentication implements AuthenticationConverter, AuthenticationManager {

	static final String OPERATOR = "operator";

	private final byte[] token;

	AccessTokenAuthentication(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	/** Reads the presented token; null when there is no Authorization header, so the request stays anonymous. */
	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return UsernamePasswordAuthenticationToken.unauthenticated(OPERATOR, header.substring(7).strip());
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon >= 0) {
					return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
							decoded.substring(colon + 1));
				}
			}
			catch (IllegalArgumentException ex) {
				// Not base64: treated like a wrong token below.
			}
			return UsernamePasswordAuthenticationToken.unauthenticated(OPERATOR, "");
		}
		return null;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Object presented = authentication.getCredentials();
		byte[] candidate = (presented != null) ? presented.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(this.token, candidate)) {
			throw new BadCredentialsException("Access token not accepted");
		}
		return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
	}

}
