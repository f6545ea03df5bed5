package org.gradlab.ui.tests;

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
 * PNG screenshots of the workbench for the build output (the folder in the system property
 * gradlab.screenshots, set by the fragment's pom). Minimal version of the shared helper.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * Copies the shell from the screen, from its top-left corner (menu bar included) to the
     * bottom-right of its client area: under Xvfb no window manager draws the trim, which would
     * come out as a black band.
     */
    public static Path save(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
        Image image = new Image(display, end.x - bounds.x, end.y - bounds.y);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
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
        return png;
    }
}
