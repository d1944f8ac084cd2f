package dev.tiketi.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import java.security.Key;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyConvertingOnceSelectorTest {

    private static final RSAKey CURRENT = rsaKey("key-1");
    private static final RSAKey NEXT = rsaKey("key-2");

    /** The key set the source serves, as a JWKS endpoint would after a rotation. */
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(CURRENT.toPublicJWK()));
    private final JWKSource<SecurityContext> source = (selector, context) -> selector.select(published.get());
    private final KeyConvertingOnceSelector<SecurityContext> selector =
            new KeyConvertingOnceSelector<>(JWSAlgorithm.RS256, source);

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSHeader rs256(String keyId) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
    }

    private static SignedJWT signed(RSAKey key, String keyId) throws JOSEException {
        SignedJWT jwt = new SignedJWT(rs256(keyId), new JWTClaimsSet.Builder().subject("buyer").build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    @Test
    void aKeyOfTheSetIsConvertedOnceAndTheSameKeyServesEveryLaterToken() throws Exception {
        List<Key> first = selector.selectJWSKeys(rs256("key-1"), null);
        List<Key> second = selector.selectJWSKeys(rs256("key-1"), null);

        assertThat(first).singleElement().isEqualTo(CURRENT.toRSAPublicKey());
        assertThat(second).singleElement().isSameAs(first.getFirst());
    }

    @Test
    void aKeyThatLeftTheSetVerifiesNothingAnyMore() throws Exception {
        assertThat(selector.selectJWSKeys(rs256("key-1"), null)).hasSize(1);

        published.set(new JWKSet(NEXT.toPublicJWK()));

        assertThat(selector.selectJWSKeys(rs256("key-1"), null)).isEmpty();
        assertThat(selector.selectJWSKeys(rs256("key-2"), null)).singleElement().isEqualTo(NEXT.toRSAPublicKey());
    }

    @Test
    void onlyTheExpectedAlgorithmSelectsAKey() throws Exception {
        assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), null))
                .isEmpty();
        assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("key-1").build(), null))
                .isEmpty();
    }

    @Test
    void itTakesOverTheSourceOfTheSelectorSpringSecurityBuildsAndOnlyOfAnRs256One() throws Exception {
        var springs = new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), source);

        assertThat(KeyConvertingOnceSelector.rs256Replacing(springs).selectJWSKeys(rs256("key-1"), null))
                .singleElement().isEqualTo(CURRENT.toRSAPublicKey());
        assertThatThrownBy(() -> KeyConvertingOnceSelector.rs256Replacing(
                new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProcessorWithItAcceptsTheSetsSignaturesAndRefusesAnotherKeysUnderTheSameId() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(selector);

        assertThat(processor.process(signed(CURRENT, "key-1"), null).getSubject()).isEqualTo("buyer");
        assertThat(processor.process(signed(CURRENT, "key-1"), null).getSubject()).isEqualTo("buyer");
        assertThatThrownBy(() -> processor.process(signed(NEXT, "key-1"), null)).isInstanceOf(BadJOSEException.class);
    }
}
