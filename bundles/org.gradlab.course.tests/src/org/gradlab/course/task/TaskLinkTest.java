package org.gradlab.course.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TaskLinkTest {

    @Test
    void writesTheReadableForm() {
        assertEquals("gradlab:open?file=activations/ReLU.java&method=backward",
                new TaskLink("activations/ReLU.java", "backward").toUri());
        assertEquals("gradlab:open?file=autodiff/Value.java", TaskLink.toFile("autodiff/Value.java").toUri());
    }

    @Test
    void parsesWhatItWrites() {
        TaskLink odd = new TaskLink("a b/Ü&x=1.java", "m#1");
        assertEquals(Optional.of(odd), TaskLink.parse(odd.toUri()));
        assertEquals(Optional.of(new TaskLink("activations/ReLU.java", "backward")),
                TaskLink.parse("gradlab:open?file=activations/ReLU.java&method=backward"));
        assertEquals(Optional.of(TaskLink.toFile("x/Y.java")), TaskLink.parse("gradlab:open?method=&file=x/Y.java&other=1"));
    }

    @Test
    void otherUrisAreNotTaskLinks() {
        for (String uri : new String[] { null, "", "about:blank", "file:///ws/src/x/Y.java", "gradlab:open?",
                "gradlab:open?method=m", "gradlab:other?file=x/Y.java", "https://example.org/?file=x" }) {
            assertEquals(Optional.empty(), TaskLink.parse(uri), String.valueOf(uri));
        }
        assertThrows(IllegalArgumentException.class, () -> new TaskLink(" ", "m"));
    }
}
