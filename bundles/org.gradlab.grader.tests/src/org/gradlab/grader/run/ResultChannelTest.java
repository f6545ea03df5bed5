package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResultChannelTest {
    private static Map<String, Object> payload(String event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("exercise", "03-activations");
        return m;
    }

    @Test
    void authenticLinesAreAcceptedInSequence() {
        byte[] key = ResultChannel.newKey();
        ResultChannel.Signer signer = new ResultChannel.Signer(key);
        ResultChannel.Verifier verifier = new ResultChannel.Verifier(key);
        assertEquals(payload("start"), verifier.accept(signer.line(payload("start"))).orElseThrow());
        assertEquals(payload("result"), verifier.accept(signer.line(payload("result"))).orElseThrow());
        assertEquals(0, verifier.rejected());
    }

    @Test
    void aLineWithAWrongHmacIsIgnored() {
        byte[] key = ResultChannel.newKey();
        ResultChannel.Signer signer = new ResultChannel.Signer(key);
        ResultChannel.Verifier verifier = new ResultChannel.Verifier(key);
        String line = signer.line(payload("result"));
        String[] parts = line.split(" ", 3);
        char c = parts[1].charAt(10);
        String tampered = parts[0] + " " + parts[1].substring(0, 10) + (c == '0' ? '1' : '0') + parts[1].substring(11)
                + " " + parts[2];
        assertTrue(verifier.accept(tampered).isEmpty());
        // the payload changed under a valid HMAC of the original: refused too
        assertTrue(verifier.accept(parts[0] + " " + parts[1] + " " + parts[2].replace("result", "done")).isEmpty());
        // the authentic line is still accepted afterwards: rejected lines do not advance the sequence
        assertTrue(verifier.accept(line).isPresent());
        assertEquals(2, verifier.rejected());
    }

    @Test
    void linesSignedWithAnotherKeyOrForgedByHandAreIgnored() {
        ResultChannel.Verifier verifier = new ResultChannel.Verifier(ResultChannel.newKey());
        String other = new ResultChannel.Signer(ResultChannel.newKey()).line(payload("result"));
        assertTrue(verifier.accept(other).isEmpty());
        assertTrue(verifier.accept("0 " + "ab".repeat(32) + " {\"event\":\"result\"}").isEmpty());
        assertTrue(verifier.accept("{\"event\":\"result\",\"exercise\":\"03-activations\"}").isEmpty());
        assertTrue(verifier.accept("").isEmpty());
        assertEquals(4, verifier.rejected());
    }

    @Test
    void replayedAndReorderedLinesAreIgnored() {
        byte[] key = ResultChannel.newKey();
        ResultChannel.Signer signer = new ResultChannel.Signer(key);
        ResultChannel.Verifier verifier = new ResultChannel.Verifier(key);
        String first = signer.line(payload("start"));
        String second = signer.line(payload("result"));
        assertTrue(verifier.accept(second).isEmpty(), "line 1 before line 0");
        assertTrue(verifier.accept(first).isPresent());
        assertTrue(verifier.accept(first).isEmpty(), "line 0 again");
        assertTrue(verifier.accept(second).isPresent());
        assertEquals(2, verifier.rejected());
    }
}
