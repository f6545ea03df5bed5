package org.gradlab.ui.views;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.TreeItem;

/** What the GradLab view shows, for workbench tests outside its package (the student journey). */
public final class CheckViewProbe {
    /** The bar's colours: green while nothing failed, red once something did. */
    public static final RGB GREEN = StatusIcon.PASSED.color();
    public static final RGB RED = StatusIcon.FAILED.color();

    private CheckViewProbe() {
    }

    public static String statusLine(CheckView view) {
        return view.counter().statusText();
    }

    public static String counts(CheckView view) {
        return view.counter().countsText();
    }

    public static RGB barColor(CheckView view) {
        return view.counter().barColor().getRGB();
    }

    public static boolean stopEnabled(CheckView view) {
        return view.stopAction().isEnabled();
    }

    /** The texts of the tree's top rows, as on screen. */
    public static List<String> rootRows(CheckView view) {
        return Arrays.stream(view.getViewer().getTree().getItems()).map(TreeItem::getText).toList();
    }
}
