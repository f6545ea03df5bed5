package org.gradlab.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.gradlab.ui.tests.Screenshots;
import org.junit.jupiter.api.Test;

/** Runs inside a real workbench (tycho-surefire UI harness, on the UI thread). */
class CheckViewTest {

    @Test
    void opensInTheWorkbenchAndShowsThePlaceholderTree() throws Exception {
        assertTrue(PlatformUI.isWorkbenchRunning(), "workbench running");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "active workbench window");

        IViewPart part = window.getActivePage().showView(CheckView.ID);
        CheckView view = assertInstanceOf(CheckView.class, part);
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1024, 700);
        settle(shell.getDisplay());

        Tree tree = view.getViewer().getTree();
        assertEquals(1, tree.getItemCount());
        TreeItem root = tree.getItem(0);
        assertEquals("No checks run yet", root.getText());
        assertTrue(root.getExpanded(), "placeholder tree is expanded");
        assertEquals(2, root.getItemCount());
        assertEquals("Tolerances: rtol 1e-05, atol 1e-07", root.getItem(1).getText());

        Path png = Screenshots.take(shell, "CheckView.png");
        ImageData saved = new ImageLoader().load(png.toString())[0];
        Rectangle client = shell.getClientArea();
        assertTrue(saved.width >= client.width && saved.height > client.height,
                "screenshot covers the client area and the menu bar: " + saved.width + "x" + saved.height);
        assertTrue(Screenshots.distinctPixels(saved) > 16, "screenshot shows something, not a blank rectangle");
    }

    /** Lets the workbench lay out and paint: runs the event loop until idle, a few times. */
    private static void settle(Display display) throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(50);
        }
    }
}
