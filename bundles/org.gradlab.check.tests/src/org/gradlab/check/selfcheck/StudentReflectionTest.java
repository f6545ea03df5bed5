package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudentReflectionTest {
    @Test
    void argumentsMatchPrimitiveParametersAndListsMatchList() {
        Class<?>[] expected = {int.class, double.class, boolean.class, long.class, float.class, List.class, List.class,
            String.class};
        assertArrayEquals(expected,
                StudentReflection.parameterTypes(1, 2.0, true, 3L, 4f, List.of(), new ArrayList<>(), "s"));
        assertEquals(0, StudentReflection.parameterTypes().length);
    }

    @Test
    void aNullArgumentIsACheckingCodeBug() {
        assertThrows(IllegalArgumentException.class, () -> StudentReflection.parameterTypes(1, null));
    }

    @Test
    void signatureReadsAsAParameterList() {
        Class<?>[] types = {int.class, double.class, List.class};
        assertEquals("int, double, List", StudentReflection.signature(types));
        assertEquals("", StudentReflection.signature(new Class<?>[0]));
    }

    @Test
    void noStudentFrameWhenNoFrameIsTheLoadersOwn() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertEquals("", StudentReflection.studentFrame(new RuntimeException(), empty));
    }

    @Test
    void theFirstFrameOfAClassTheLoaderDefinedIsTheStudents() {
        Throwable t = new RuntimeException();
        t.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.lang.String", "charAt", "String.java", 1),
            new StackTraceElement(StudentReflectionTest.class.getName(), "forward", "StudentReflectionTest.java", 12),
            new StackTraceElement(StudentReflection.class.getName(), "later", "StudentReflection.java", 3)});
        assertEquals(StudentReflectionTest.class.getName() + ".forward(StudentReflectionTest.java:12)",
                StudentReflection.studentFrame(t, StudentReflectionTest.class.getClassLoader()));
    }
}
