package org.gradlab.ui.task;

import org.eclipse.swt.browser.Browser;

/** What the GradLab Task view's browser shows, for workbench tests outside its package. */
public final class TaskViewProbe {
    private TaskViewProbe() {
    }

    /** The number a script returns in the view's page; -1 when there is no browser or no number. */
    public static double number(TaskViewer view, String script) {
        return view.browser() == null ? -1 : number(view.browser(), script);
    }

    /** The number a script returns in a browser's page; -1 when it returns no number. */
    static double number(Browser browser, String script) {
        Object value = browser.evaluate(script);
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    /** How many formulas KaTeX typeset on the page. */
    public static double typesetFormulas(TaskViewer view) {
        return number(view, "return document.querySelectorAll('.katex').length");
    }

    /** How many formulas KaTeX could not typeset. */
    public static double katexErrors(TaskViewer view) {
        return number(view, "return document.querySelectorAll('.katex-error').length");
    }
}
