package dev.tiketi.event.venue;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes seat templates as the JSON stored in {@code halls.seat_template}. */
@Component
public class SeatTemplateJson {

    private final JsonMapper jsonMapper;

    public SeatTemplateJson(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public String write(SeatTemplate template) {
        return jsonMapper.writeValueAsString(template);
    }

    public SeatTemplate read(String json) {
        return jsonMapper.readValue(json, SeatTemplate.class);
    }
}
