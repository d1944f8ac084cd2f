package dev.tiketi.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading parsed YAML (maps, lists, scalars) by dotted paths. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) map;
    }

    static Optional<Object> find(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Object get(Map<String, Object> root, String path) {
        return find(root, path).orElseThrow(() -> new AssertionError("no " + path + " in " + root));
    }

    static String string(Map<String, Object> root, String path) {
        return String.valueOf(get(root, path));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> root, String path) {
        return find(root, path).map(value -> (List<Map<String, Object>>) value).orElse(List.of());
    }

    /** Every key of a nested mapping as a dotted path (lists are not descended into). */
    static void flatten(String prefix, Object value, java.util.Set<String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, keys));
        } else {
            keys.add(prefix);
        }
    }
}
