package org.gradlab.grader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Part {@code index} of {@code count} of a class, for grading across CI or array jobs: shard i/n
 * (i counts from 1, like SLURM_ARRAY_TASK_ID=1..n or a GitHub Actions matrix 1..n) grades the
 * submissions whose position in the sorted list, counted from 0, is congruent to i−1 modulo n.
 * The n shards together cover every submission exactly once; round-robin keeps their sizes within
 * one of each other.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new BatchException("shard " + index + "/" + count + ": need 1 ≤ i ≤ n in i/n (i counts from 1)");
        }
    }

    /** Parses "i/n". */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new BatchException("--shard expects i/n, e.g. 2/4 (the 2nd of 4 shards), got '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(parts[0].strip());
            n = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new BatchException("--shard expects whole numbers i/n, e.g. 2/4, got '" + text + "'");
        }
        if (n < 1) {
            throw new BatchException("--shard " + text + ": the number of shards n must be at least 1");
        }
        if (i < 1 || i > n) {
            throw new BatchException("--shard " + text + ": i must be between 1 and " + n
                    + " (shards count from 1: 1/" + n + " … " + n + "/" + n + ")");
        }
        return new Shard(i, n);
    }

    public <T> List<T> select(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int k = index - 1; k < sorted.size(); k += count) {
            mine.add(sorted.get(k));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
