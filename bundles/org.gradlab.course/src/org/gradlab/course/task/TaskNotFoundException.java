package org.gradlab.course.task;

import java.io.IOException;

/** An exercise's task cannot be read: what was looked for, where, and what is there instead. */
public final class TaskNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String message) {
        super(message);
    }

    public TaskNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
