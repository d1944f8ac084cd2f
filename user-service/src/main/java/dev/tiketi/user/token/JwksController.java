package dev.tiketi.user.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** The public half of the signing key, for the gateway and the other services to check tokens with. */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(RSAKey accessTokenSigningKey) {
        this.jwks = new JWKSet(accessTokenSigningKey.toPublicJWK()).toJSONObject();
    }

    @GetMapping(path = {"/.well-known/jwks.json", "/api/auth/jwks"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(jwks);
    }
}
