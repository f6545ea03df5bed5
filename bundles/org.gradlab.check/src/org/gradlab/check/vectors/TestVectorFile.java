package org.gradlab.check.vectors;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gradlab.check.json.Json;
import org.gradlab.check.json.JsonParseException;

/**
 * A file of conformance test vectors ({@code {"cases": [...]}}), the one format shared by public
 * exercise vectors, the engine's tests and vectors made by other frameworks.
 */
public record TestVectorFile(Path path, String generator, List<VectorCase> cases) {

    public static TestVectorFile read(Path path) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new VectorFormatException(path + ": not UTF-8 text");
        }
        return parse(path, text);
    }

    public static TestVectorFile parse(Path path, String text) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonParseException e) {
            throw new VectorFormatException(path + ": " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("cases") instanceof List<?> list)) {
            throw new VectorFormatException(path + ": expected an object with a \"cases\" list");
        }
        List<VectorCase> cases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object c = list.get(i);
            String name = c instanceof Map<?, ?> m && m.get("name") instanceof String s ? " (" + s + ")" : "";
            String where = path.getFileName() + "#" + i + name;
            if (!(c instanceof Map<?, ?>)) {
                throw new VectorFormatException(where + ": a case must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) c;
            cases.add(new VectorCase(where, json));
        }
        String generator = map.get("generator") instanceof String g ? g : "";
        return new TestVectorFile(path, generator, List.copyOf(cases));
    }
}
