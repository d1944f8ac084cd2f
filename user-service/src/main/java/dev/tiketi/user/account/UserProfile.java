package dev.tiketi.user.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UserProfile(UUID id, String email, String name, String phone, String role, Instant createdAt,
        List<Agreement> agreements) {

    public record Agreement(String code, String version, boolean agreed, Instant agreedAt) {
    }

    static UserProfile of(UserAccount user, List<Agreement> agreements) {
        return new UserProfile(user.id(), user.email(), user.name(), user.phone(), user.role().name(),
                user.createdAt(), agreements);
    }
}
