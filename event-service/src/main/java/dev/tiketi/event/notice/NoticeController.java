package dev.tiketi.event.notice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The public news pages. Reading a notice counts a view, so it is a GET that writes, and never cached. */
@RestController
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/notices")
    NoticePage list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notices.page(page, size);
    }

    @GetMapping("/api/notices/{id}")
    Notice view(@PathVariable UUID id) {
        return notices.view(id);
    }
}
