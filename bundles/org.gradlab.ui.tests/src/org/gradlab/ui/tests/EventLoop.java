package org.gradlab.ui.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/**
 * Waiting on the UI thread (the tests run on it): runs the event loop until a condition holds,
 * so that jobs' asyncExecs reach the widgets meanwhile; fails with what was awaited on time-out.
 */
public final class EventLoop {
    private EventLoop() {
    }

    /** Runs events until {@code done} is true; AssertionError after {@code timeout}. Returns the events run. */
    public static int until(BooleanSupplier done, Duration timeout, String what) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        int events = 0;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            if (display.readAndDispatch()) {
                events++;
            } else {
                sleepBriefly();
            }
        }
        return events;
    }

    /** Lets the workbench lay out and paint: runs the event loop until idle, a few times. */
    public static void settle() {
        Display display = Display.getCurrent();
        for (int round = 0; round < 10; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
