package org.gradlab.ui.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.Shard;
import org.junit.jupiter.api.Test;

class BatchRequestTest {

    @Test
    void emptyReportsAndSeedMeanTheDefaults() {
        BatchRequest r = BatchRequest.parse("  /course/ws24/hand-ins/ ", "", " ", 3, false);
        assertEquals(Path.of("/course/ws24/hand-ins"), r.submissions());
        assertEquals(Path.of("/course/ws24/hand-ins-reports"), r.reports(), "next to the class folder, not inside");
        assertNull(r.seed());
        GradeBatch.Options o = r.options();
        assertEquals(3, o.jobs());
        assertEquals(Shard.ALL, o.shard());
        assertEquals(false, o.regrade());
    }

    @Test
    void givenValuesAreTakenAsTheyAre() {
        BatchRequest r = BatchRequest.parse("/c/class", "/elsewhere/out/../r", "-9223372036854775808", 1, true);
        assertEquals(Path.of("/elsewhere/r"), r.reports());
        assertEquals(Long.MIN_VALUE, r.seed());
        assertEquals(true, r.options().regrade());
    }

    @Test
    void eachWrongFieldIsNamedWithWhatWasExpectedAndWhatCame() {
        assertEquals("Choose the submissions folder: one subfolder or .zip per student.",
                assertThrows(IllegalArgumentException.class, () -> BatchRequest.parse(" ", "", "", 1, false))
                        .getMessage());
        assertEquals("Seed: expected a whole number (64-bit) or nothing for a random seed, got '4.2'.",
                assertThrows(IllegalArgumentException.class, () -> BatchRequest.parse("/c", "", "4.2", 1, false))
                        .getMessage());
        assertEquals("Seed: expected a whole number (64-bit) or nothing for a random seed, got '99999999999999999999'.",
                assertThrows(IllegalArgumentException.class,
                        () -> BatchRequest.parse("/c", "", "99999999999999999999", 1, false)).getMessage());
        assertEquals("Jobs: expected at least 1, got 0.",
                assertThrows(IllegalArgumentException.class, () -> BatchRequest.parse("/c", "", "", 0, false))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchRequest.parse("/c\0d", "", "", 1, false));
    }
}
