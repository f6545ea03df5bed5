package org.gradlab.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
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

        Path png = screenshot(shell, "CheckView.png");
        ImageData saved = new ImageLoader().load(png.toString())[0];
        Rectangle client = shell.getClientArea();
        assertTrue(saved.width >= client.width && saved.height > client.height,
                "screenshot covers the client area and the menu bar: " + saved.width + "x" + saved.height);
        assertTrue(distinctPixels(saved) > 16, "screenshot shows something, not a blank rectangle");
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

    /**
     * Copies the shell from the screen (GC on the Display) into a PNG under the screenshots
     * folder: from its top-left corner (menu bar included) to the bottom-right of its client area.
     * Not simply its bounds: under Xvfb no window manager draws the trim, which would come out as
     * a black band.
     */
    private static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
        Rectangle area = new Rectangle(bounds.x, bounds.y, end.x - bounds.x, end.y - bounds.y);
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("gradlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        image.dispose();
        loader.save(png.toString(), SWT.IMAGE_PNG);
        assertTrue(Files.size(png) > 0, "PNG written: " + png);
        return png;
    }

    private static int distinctPixels(ImageData data) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }
}
