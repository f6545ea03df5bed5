package org.gradlab.course.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gradlab.check.selfcheck.ExerciseManifest;

/**
 * The student's source files an exercise is about, and which code spans of its task text name
 * them. The exercise's own files are the classes its {@code exercise.json} lists (with the methods
 * to write) and the other files of their packages (helpers given with the stubs); classes of other
 * exercises in the workspace are only linked by name (exercise 13 builds on the layers of 03–08).
 */
public final class ExerciseStubs {
    /** A source file: qualified class name, path relative to {@code src/}, the methods to write. */
    public record Stub(String className, String file, List<String> methods, boolean toImplement) {
        public String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** A code span that may name a class or method: optional type/modifier words, a dotted name, optional arguments. */
    private static final Pattern NAME = Pattern.compile("(?:[\\w.<>\\[\\]?, ]*\\s)?([\\w.]+)\\s*(?:\\(.*\\))?;?");
    private static final Pattern FILE = Pattern.compile("(?:src/)?([\\w/]+\\.java)");

    private final List<Stub> exercise;
    private final Map<String, Stub> byName = new HashMap<>();   // simple and qualified names
    private final Map<String, Stub> byFile = new HashMap<>();
    private final Map<String, Stub> methodOwner = new HashMap<>();   // methods listed in one class only

    private ExerciseStubs(List<Stub> exercise, List<Stub> elsewhere) {
        this.exercise = List.copyOf(exercise);
        Map<String, Integer> simpleNames = new HashMap<>();
        Stream.concat(exercise.stream(), elsewhere.stream()).forEach(s -> simpleNames.merge(s.simpleName(), 1, Integer::sum));
        for (Stub s : exercise) {
            index(s, simpleNames);
        }
        for (Stub s : elsewhere) {
            if (!byFile.containsKey(s.file())) {
                index(s, simpleNames);
            }
        }
        Map<String, Integer> owners = new HashMap<>();
        exercise.forEach(s -> s.methods().stream().distinct().forEach(m -> owners.merge(m, 1, Integer::sum)));
        exercise.forEach(s -> s.methods().forEach(m -> {
            if (owners.get(m) == 1) {
                methodOwner.put(m, s);
            }
        }));
    }

    private void index(Stub s, Map<String, Integer> simpleNames) {
        byFile.put(s.file(), s);
        byName.put(s.className(), s);
        if (simpleNames.get(s.simpleName()) == 1) {   // an ambiguous simple name links nowhere
            byName.put(s.simpleName(), s);
        }
    }

    /**
     * The stubs of an exercise given the Java files of the workspace, as paths relative to
     * {@code src/} with forward slashes (e.g. {@code activations/ReLU.java}).
     */
    public static ExerciseStubs of(ExerciseManifest manifest, Collection<String> sourceFiles) {
        Map<String, Stub> own = new LinkedHashMap<>();
        for (ExerciseManifest.Implement im : manifest.implement()) {
            String file = im.className().replace('.', '/') + ".java";
            own.put(file, new Stub(im.className(), file, im.methods(), true));
        }
        List<Stub> elsewhere = new ArrayList<>();
        for (String file : sourceFiles.stream().sorted().toList()) {
            Stub s = new Stub(file.substring(0, file.length() - ".java".length()).replace('/', '.'), file, List.of(), false);
            String pkg = file.contains("/") ? file.substring(0, file.lastIndexOf('/')).replace('/', '.') : "";
            if (own.containsKey(file)) {
                continue;
            }
            if (manifest.packages().contains(pkg)) {
                own.put(file, s);
            } else {
                elsewhere.add(s);
            }
        }
        return new ExerciseStubs(new ArrayList<>(own.values()), elsewhere);
    }

    /** Reads the Java files under the workspace's {@code src/} (absent folder: none). */
    public static ExerciseStubs scan(ExerciseManifest manifest, Path srcDir) throws IOException {
        if (!Files.isDirectory(srcDir)) {
            return of(manifest, List.of());
        }
        try (Stream<Path> files = Files.walk(srcDir)) {
            return of(manifest, files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(p -> srcDir.relativize(p).toString().replace('\\', '/')).toList());
        }
    }

    /** The exercise's files: first the classes to implement (manifest order), then the helpers. */
    public List<Stub> exerciseFiles() {
        return exercise;
    }

    /**
     * Where a code span of the task text points: {@code Value}, {@code autodiff.Value},
     * {@code src/autodiff/Value.java} → the file; {@code Value.backward()} → that method;
     * {@code backward()}, {@code List<Value> topologicalOrder()}, {@code x.mul(x)} → the method when
     * exactly one class of the exercise has it to write. Anything else: empty.
     */
    public Optional<TaskLink> linkFor(String code) {
        String text = code.strip();
        Matcher file = FILE.matcher(text);
        if (file.matches()) {
            return Optional.ofNullable(byFile.get(file.group(1))).map(s -> TaskLink.toFile(s.file()));
        }
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        Stub named = byName.get(name);
        if (named != null) {
            return Optional.of(TaskLink.toFile(named.file()));
        }
        int dot = name.lastIndexOf('.');
        String method = name.substring(dot + 1);
        if (dot > 0) {
            String qualifier = name.substring(0, dot);
            Stub owner = byName.get(qualifier);
            if (owner != null) {
                return Optional.of(new TaskLink(owner.file(), method));
            }
            if (qualifier.contains(".")) {
                return Optional.empty();   // a.b.c: a package path or a chain, not variable.method
            }
        }
        return Optional.ofNullable(methodOwner.get(method)).map(s -> new TaskLink(s.file(), method));
    }
}
