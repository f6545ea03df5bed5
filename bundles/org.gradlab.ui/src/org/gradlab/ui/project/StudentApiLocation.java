package org.gradlab.ui.project;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * Where the student API — the installed org.gradlab.core and org.gradlab.check bundles — lives on
 * disk: what a GradLab project compiles against ({@link StudentApiContainer}) and what the check JVM
 * runs with. An installed bundle is a jar; in a development or test runtime it may be a folder whose
 * classes sit in an output folder (target/classes), which is found through the class loader.
 */
public final class StudentApiLocation {

    /** One bundle of the API: its jar or class folder, and its sources when they are at hand (else null). */
    public record Library(String bundle, Path classes, Path sources) {
    }

    /** The API bundles, and a class file each holds (to find a folder bundle's output folder). */
    private record ApiBundle(String name, String probe) {
    }

    private static final List<ApiBundle> API = List.of(
            new ApiBundle("org.gradlab.core", "org/gradlab/core/Tensor.class"),
            new ApiBundle("org.gradlab.check", "org/gradlab/check/NumericGradient.class"));

    private StudentApiLocation() {
    }

    /** The jars or class folders of the API bundles, core first. */
    public static List<Path> classpath() throws IOException {
        return libraries().stream().map(Library::classes).toList();
    }

    /** The API bundles with their sources where found. */
    public static List<Library> libraries() throws IOException {
        List<Library> out = new ArrayList<>();
        for (ApiBundle api : API) {
            out.add(library(api));
        }
        return out;
    }

    private static Library library(ApiBundle api) throws IOException {
        Bundle bundle = Platform.getBundle(api.name());
        if (bundle == null) {
            throw new IOException("the bundle " + api.name() + " is not installed; install the GradLab student feature");
        }
        File file = FileLocator.getBundleFileLocation(bundle).orElseThrow(() -> new IOException(
                "the bundle " + api.name() + " is not on the local file system (" + bundle.getLocation() + ")"));
        Path location = file.toPath();
        if (Files.isRegularFile(location)) {
            return new Library(api.name(), location, jarSources(location, bundle));
        }
        Path classes = classFolder(bundle, api);
        Path src = location.resolve("src");
        return new Library(api.name(), classes, Files.isDirectory(src) ? src : null);
    }

    /** A folder bundle's output folder: where its class loader finds the probe class. */
    private static Path classFolder(Bundle bundle, ApiBundle api) throws IOException {
        URL probe = bundle.getResource(api.probe());
        if (probe == null) {
            throw new IOException("the bundle " + api.name() + " at " + bundle.getLocation() + " has no " + api.probe());
        }
        try {
            Path classFile = Path.of(FileLocator.toFileURL(probe).toURI());
            Path folder = classFile;
            for (int i = 0; i < api.probe().split("/").length; i++) {
                folder = folder.getParent();
            }
            return folder;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the classes of " + api.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The source jar beside a bundle jar: {@code <bsn>.source_<version>.jar} in an installation's
     * plugins/ folder, or Maven's {@code <artifact>-sources.jar} next to a built jar.
     */
    private static Path jarSources(Path jar, Bundle bundle) {
        String name = jar.getFileName().toString();
        List<Path> candidates = List.of(
                jar.resolveSibling(bundle.getSymbolicName() + ".source_" + bundle.getVersion() + ".jar"),
                jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-sources.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
