package dev.tiketi.queue.config;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The waiting room's Lua scripts ({@code src/main/resources/scripts}), read once. A script made from the
 * resource itself ({@code RedisScript.of(Resource)}) asks for the resource's modification time before every
 * call, to reload an edited file; inside the service jar that opens the jar entry and throws and catches a
 * FileNotFoundException each time, under a lock every request shares (seen in the queue benchmark's profile,
 * docs/benchmarks.md).
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    public static <T> RedisScript<T> load(String fileName, Class<T> resultType) {
        ClassPathResource resource = new ClassPathResource("scripts/" + fileName);
        try {
            return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + resource.getPath(), e);
        }
    }
}
