package org.gradlab.grader.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gradlab.check.json.Json;

/**
 * The child→parent result channel: one line per message, {@code "<seq> <hmac> <json>"}, where the
 * HMAC-SHA256 under a fresh per-child key covers the sequence number and the JSON payload. The key
 * travels on the child's stdin and lives only in the child's grading code; student code can reach
 * neither (no reflection, no file descriptors, {@code System.in} replaced), so it cannot produce a
 * line the parent accepts, and a replayed or reordered line fails the sequence check.
 */
final class ResultChannel {
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private ResultChannel() {
    }

    static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    private static byte[] mac(byte[] key, long seq, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((seq + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Signs messages with consecutive sequence numbers from 0. */
    static final class Signer {
        private final byte[] key;
        private long seq;

        Signer(byte[] key) {
            this.key = key.clone();
        }

        /** The line (without newline) carrying {@code payload}. */
        synchronized String line(Map<String, Object> payload) {
            String json = Json.write(payload);
            long s = seq++;
            return s + " " + hex(mac(key, s, json)) + " " + json;
        }
    }

    /** Accepts authentic lines in sequence; anything else is counted and ignored. */
    static final class Verifier {
        private final byte[] key;
        private long expected;
        private int rejected;

        Verifier(byte[] key) {
            this.key = key.clone();
        }

        /** The payload of an authentic next line, or empty for a forged, corrupt, replayed or reordered one. */
        synchronized Optional<Map<String, Object>> accept(String line) {
            String[] parts = line.split(" ", 3);
            try {
                if (parts.length == 3 && Long.parseLong(parts[0]) == expected
                        && MessageDigest.isEqual(unhex(parts[1]), mac(key, expected, parts[2]))
                        && Json.parse(parts[2]) instanceof Map<?, ?> m) {
                    expected++;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> payload = (Map<String, Object>) m;
                    return Optional.of(payload);
                }
            } catch (RuntimeException malformed) {
                // not a channel line: fall through
            }
            rejected++;
            return Optional.empty();
        }

        synchronized int rejected() {
            return rejected;
        }
    }
}
