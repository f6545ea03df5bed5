package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.check.json.Json;
import org.gradlab.check.json.JsonParseException;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesNestedValues() {
        Object v = Json.parse("{\"a\": [1, -2.5e3, -0.0, true, null], \"b\": {\"s\": \"x\\n\\u00e9\\\"\"}}");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(1.0, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) a.get(2)));
        assertEquals(Boolean.TRUE, a.get(3));
        assertNull(a.get(4));
        assertEquals("x\né\"", ((Map<?, ?>) m.get("b")).get("s"));
    }

    @Test
    void errorsGiveLineAndColumn() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("{\"a\": 1,\n  \"b\" 2}"));
        assertEquals("expected ':' at line 2, column 7", e.getMessage());
        assertThrows(JsonParseException.class, () -> Json.parse("[1, 2"));
        assertThrows(JsonParseException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(JsonParseException.class, () -> Json.parse("[1] x"));
    }

    @Test
    void writeThenParseRoundTrips() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("name", "conv2d/\"s2\"");
        value.put("data", List.of(0.1, 3.0, -1e-300, 123456789.5));
        value.put("nested", Map.of("flag", false));
        for (String text : List.of(Json.write(value), Json.writePretty(value))) {
            assertEquals(value, Json.parse(text));
        }
        assertTrue(Json.write(List.of(3.0)).equals("[3]"), "integral doubles are written without a fraction");
    }
}
