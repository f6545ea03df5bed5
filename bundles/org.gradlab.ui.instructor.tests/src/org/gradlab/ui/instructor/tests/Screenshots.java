package org.gradlab.ui.instructor.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * PNG screenshots of the workbench window into {@code -Dgradlab.screenshots} (target/screenshots
 * of this fragment). This fragment's own copy: test fragments cannot see each other's classes
 * (org.gradlab.ui.tests has the same helper for the student views).
 */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * Copies what the screen shows of {@code shell}, from its top-left corner to the bottom-right
     * of its client area: under Xvfb no window manager draws a frame, so the outer bounds would
     * add a black band.
     */
    public static Path save(Shell shell, String fileName) throws IOException {
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
        int width = end.x - bounds.x;
        int height = end.y - bounds.y;
        Image image = new Image(display, width, height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
            } finally {
                gc.dispose();
            }
            Path dir = Files.createDirectories(Path.of(System.getProperty("gradlab.screenshots", "target/screenshots")));
            Path png = dir.resolve(fileName);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.toString(), SWT.IMAGE_PNG);
            return png;
        } finally {
            image.dispose();
        }
    }

    /** How many different colours a 4-pixel grid of the image holds: a blank capture has one or two. */
    public static int distinctColours(Path png) {
        ImageData data = new ImageLoader().load(png.toString())[0];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }
}
