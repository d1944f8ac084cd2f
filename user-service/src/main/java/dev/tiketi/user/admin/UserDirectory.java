package dev.tiketi.user.admin;

import dev.tiketi.user.account.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The administrators' view of all accounts, withdrawn ones included (they show only placeholders). */
@Service
class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    /** Count and rows from one snapshot, so that totals and content agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    UserPage page(int page, int size) {
        long total = users.count();
        var content = users.page(page * size, size).stream().map(AdminUserSummary::of).toList();
        return new UserPage(content, page, size, total, (total + size - 1) / size);
    }
}
