package org.gradlab.ui.tests;

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

/**
 * PNG screenshots of shells for the UI tests, saved under -Dgradlab.screenshots (the fragment's
 * pom: target/screenshots).
 */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * Copies the shell from the screen (GC on the Display) into a PNG under the screenshots
     * folder: from its top-left corner (menu bar included) to the bottom-right of its client area.
     * Not simply its bounds: under Xvfb no window manager draws the trim, which would come out as
     * a black band.
     */
    public static Path take(Shell shell, String name) throws Exception {
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

    /** The number of distinct colours on a 4-pixel grid: a blank capture has one or two. */
    public static int distinctPixels(ImageData data) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }
}
