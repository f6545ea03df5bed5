package org.gradlab.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts the {@code .java} files of a submitted .zip into a scratch folder without trusting it:
 * entry names may not be absolute or climb out with {@code ..}; every entry is inflated and its
 * real bytes counted (headers can lie), so a zip bomb is stopped at the limit; other files are
 * inflated only to be counted, never written. Nothing is ever written outside {@code dest}.
 */
final class SafeUnzip {
    /** Why a .zip was refused; the message is the report's {@code error}. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private SafeUnzip() {
    }

    static void extract(Path zip, Path dest, long maxBytes, int maxEntries) throws Refused, IOException {
        Path root = dest.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            if (zf.size() > maxEntries) {
                throw new Refused("too many files in the .zip: more than " + maxEntries);
            }
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (!safe(name)) {
                    throw new Refused("unsafe entry \"" + name + "\" in the .zip: absolute paths and '..' are not"
                            + " allowed");
                }
                if (e.isDirectory()) {
                    continue;
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new Refused("unsafe entry \"" + name + "\" in the .zip: it points outside the submission");
                }
                boolean keep = name.endsWith(".java");
                if (keep) {
                    Files.createDirectories(out.getParent());
                }
                try (InputStream in = zf.getInputStream(e);
                        OutputStream o = keep ? Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)
                                : OutputStream.nullOutputStream()) {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        total += n;
                        if (total > maxBytes) {
                            throw new Refused("zip bomb: expands beyond " + size(maxBytes));
                        }
                        o.write(buf, 0, n);
                    }
                } catch (FileAlreadyExistsException dup) {
                    throw new Refused("the .zip holds \"" + name + "\" twice");
                }
            }
        } catch (ZipException e) {
            throw new Refused("not a readable .zip file (" + e.getMessage() + ")");
        }
    }

    static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    /** Relative, '/'-separated, no '..' or empty segments, no drive letters or NULs. */
    private static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.indexOf(':') >= 0) {
            return false;
        }
        for (String seg : name.split("/")) {
            if (seg.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
