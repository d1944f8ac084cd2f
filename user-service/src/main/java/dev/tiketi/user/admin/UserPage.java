package dev.tiketi.user.admin;

import java.util.List;

public record UserPage(List<AdminUserSummary> content, int page, int size, long totalElements, long totalPages) {
}
