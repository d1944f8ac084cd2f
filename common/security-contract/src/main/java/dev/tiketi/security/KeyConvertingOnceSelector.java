package dev.tiketi.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import javax.crypto.SecretKey;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's key selector, but each JWK of the key set is turned into a Java key once rather than for every token
 * verified: building an {@code RSAPublicKey} from the JWK's numbers was a quarter of the cost of checking a new
 * token (docs/benchmarks.md). The keys are still picked from the key source for every token, so a key that leaves
 * the set (rotated out, withdrawn) verifies nothing from then on; a key is remembered by its value, not its id.
 */
public final class KeyConvertingOnceSelector<C extends SecurityContext> extends JWSVerificationKeySelector<C> {

    /** Far more than a key set holds at once (one or two during a rotation); past it, start over. */
    private static final int MAX_REMEMBERED = 16;

    private final Map<JWK, List<Key>> converted = new ConcurrentHashMap<>();

    /**
     * For the RS256 selector Spring Security's decoder builders make: the same keys, from the same source.
     *
     * @throws IllegalArgumentException if {@code selector} is not a key-set selector allowing RS256
     */
    public static <C extends SecurityContext> KeyConvertingOnceSelector<C> rs256Replacing(JWSKeySelector<C> selector) {
        if (!(selector instanceof JWSVerificationKeySelector<C> keySetSelector)
                || !keySetSelector.isAllowed(JWSAlgorithm.RS256)) {
            throw new IllegalArgumentException("not an RS256 key-set selector: " + selector);
        }
        @SuppressWarnings("unchecked")
        JWKSource<C> source = keySetSelector.getJWKSource();
        return new KeyConvertingOnceSelector<>(JWSAlgorithm.RS256, source);
    }

    public KeyConvertingOnceSelector(JWSAlgorithm algorithm, JWKSource<C> source) {
        super(algorithm, source);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, C context) throws KeySourceException {
        if (!isAllowed(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
            keys.addAll(javaKeys(jwk));
        }
        return keys;
    }

    private List<Key> javaKeys(JWK jwk) {
        List<Key> known = converted.get(jwk);
        if (known != null) {
            return known;
        }
        if (converted.size() >= MAX_REMEMBERED) {
            converted.clear();
        }
        // as Nimbus does: verification takes public or secret keys only, never a private key a JWK might carry
        List<Key> keys = KeyConverter.toJavaKeys(List.of(jwk)).stream()
                .filter(key -> key instanceof PublicKey || key instanceof SecretKey)
                .toList();
        converted.put(jwk, keys);
        return keys;
    }
}
