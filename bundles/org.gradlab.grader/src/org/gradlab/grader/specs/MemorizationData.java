package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A generated image classification data set for the memorization experiment. Images come in
 * clusters: a cluster's template is its class's template (times {@code classScale}) plus a
 * template of its own, and each of its images adds Gaussian noise. Every cluster lends images to
 * both splits, so with true labels a small CNN generalizes; every image is unique, so random
 * labels can be memorized. Many small clusters keep the test accuracy of a network trained on
 * random labels close to chance: what it gets right by luck averages over many clusters instead
 * of a few classes. Used by the 13-memorization grader (tiny images) and by {@code gradlab memorize}
 * when Fashion-MNIST is not installed.
 */
public final class MemorizationData {
    /** Images (N, C, H, W) and their class indices (N, stored as doubles). */
    public record Split(Tensor images, Tensor labels) {
        public int size() {
            return labels.size(0);
        }
    }

    /** A training and a test split drawn from the same clusters. */
    public record DataSet(Split train, Split test, int classes) {
    }

    /** How to draw a data set; every pixel of a template or of noise is standard normal times its scale. */
    public record Recipe(int clusters, int classes, int trainPerCluster, int testPerCluster, int channels, int size,
            double classScale, double noise) {
    }

    private MemorizationData() {
    }

    /** Cluster j belongs to class j mod classes, so the classes are balanced when they divide the clusters. */
    public static DataSet generate(Recipe r, Rng rng) {
        List<Tensor> classTemplates = new ArrayList<>();
        for (int c = 0; c < r.classes(); c++) {
            classTemplates.add(Tensor.randn(rng, r.channels(), r.size(), r.size()).mul(r.classScale()));
        }
        List<Tensor> trainImages = new ArrayList<>();
        List<Tensor> testImages = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int j = 0; j < r.clusters(); j++) {
            int c = j % r.classes();
            Tensor template = classTemplates.get(c).add(Tensor.randn(rng, r.channels(), r.size(), r.size()));
            for (int i = 0; i < r.trainPerCluster(); i++) {
                trainImages.add(template.add(Tensor.randn(rng, template.shape()).mul(r.noise())));
                trainLabels.add(c);
            }
            for (int i = 0; i < r.testPerCluster(); i++) {
                testImages.add(template.add(Tensor.randn(rng, template.shape()).mul(r.noise())));
                testLabels.add(c);
            }
        }
        return new DataSet(split(trainImages, trainLabels, rng), split(testImages, testLabels, rng), r.classes());
    }

    /** The examples in a random order, so that neither split lists a cluster's images together. */
    private static Split split(List<Tensor> images, List<Integer> labels, Rng rng) {
        int[] order = permutation(images.size(), rng);
        List<Tensor> shuffled = new ArrayList<>();
        Tensor y = Tensor.zeros(images.size());
        for (int i = 0; i < order.length; i++) {
            shuffled.add(images.get(order[i]));
            y.setFlat(i, labels.get(order[i]));
        }
        return new Split(Tensor.stack(shuffled, 0), y);
    }

    /**
     * Random labels that carry no trace of the true ones: within each true class the new labels are
     * spread as evenly over the classes as its size allows (the remainder going to random classes),
     * in a random order.
     */
    public static Tensor balancedRandomLabels(Tensor labels, int classes, Rng rng) {
        Tensor out = Tensor.zeros(labels.shape());
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.numel(); i++) {
                if ((int) labels.getFlat(i) == c) {
                    members.add(i);
                }
            }
            int[] spread = permutation(members.size(), rng);
            int offset = rng.nextInt(classes);
            for (int k = 0; k < members.size(); k++) {
                out.setFlat(members.get(k), (spread[k] + offset) % classes);
            }
        }
        return out;
    }

    static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
