package org.gradlab.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.gradlab.core.Tensor;
import org.gradlab.grader.specs.MemorizationData.Split;

/**
 * Fashion-MNIST (Xiao et al. 2017: 28×28 grey images of clothes in 10 classes) from its IDX files,
 * as Debian's {@code dataset-fashion-mnist} installs them ({@code /usr/share/datasets/fashion-mnist},
 * gzipped). IDX is big-endian: a magic number whose last byte is the number of dimensions and whose
 * third byte is the element type (0x08: unsigned byte), the dimension sizes, then the elements.
 */
final class FashionMnist {
    /** Where Debian's package puts the files. */
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    /** Mean and standard deviation of the training pixels scaled to [0, 1]: inputs are standardized with them. */
    static final double MEAN = 0.2860;
    static final double STD = 0.3530;
    private static final int UNSIGNED_BYTE = 0x08;

    private FashionMnist() {
    }

    /** True when {@code dir} holds the four files (gzipped or not). */
    static boolean present(Path dir) {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            if (file(dir, name) == null) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code n} training images (N, 1, 28, 28), standardized, and their labels. */
    static Split train(Path dir, int n) throws IOException {
        return split(dir, "train", n);
    }

    /** The first {@code n} test images and labels. */
    static Split test(Path dir, int n) throws IOException {
        return split(dir, "t10k", n);
    }

    private static Split split(Path dir, String prefix, int n) throws IOException {
        Tensor images = images(file(dir, prefix + "-images-idx3-ubyte"), n);
        Tensor labels = labels(file(dir, prefix + "-labels-idx1-ubyte"), n);
        return new Split(images, labels);
    }

    private static Path file(Path dir, String name) {
        for (Path p : new Path[] {dir.resolve(name + ".gz"), dir.resolve(name)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The first {@code n} images of an IDX3 file as (n, 1, rows, cols), (pixel/255 − MEAN) / STD. */
    static Tensor images(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3);
            int count = Math.min(n, dims[0]);
            int pixels = dims[1] * dims[2];
            byte[] raw = new byte[count * pixels];
            in.readFully(raw);
            double[] data = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                data[i] = ((raw[i] & 0xff) / 255.0 - MEAN) / STD;
            }
            return Tensor.of(data, count, 1, dims[1], dims[2]);
        }
    }

    /** The first {@code n} labels of an IDX1 file, as doubles. */
    static Tensor labels(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1);
            int count = Math.min(n, dims[0]);
            byte[] raw = new byte[count];
            in.readFully(raw);
            double[] data = new double[count];
            for (int i = 0; i < count; i++) {
                data[i] = raw[i] & 0xff;
            }
            return Tensor.of(data, count);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
    }

    /** Checks the magic number (unsigned bytes, {@code rank} dimensions) and returns the dimension sizes. */
    private static int[] header(DataInputStream in, Path file, int rank) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) != rank) {
            throw new IOException(file + ": not an IDX file of unsigned bytes with " + rank + " dimensions (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = in.readInt();
        }
        return dims;
    }
}
