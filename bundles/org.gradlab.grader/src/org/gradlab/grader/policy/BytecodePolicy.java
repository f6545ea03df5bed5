package org.gradlab.grader.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks compiled student classes against {@link ApiPolicy} before any of them is loaded: every
 * class a student class extends or implements, every method, constructor and field it uses, every
 * type it instantiates, casts to or names as a constant, and every invokedynamic bootstrap (only the
 * ones javac/ECJ emit for lambdas, string concatenation, records and switches). Native methods and
 * classes declared in reserved packages are refused too. Declared signatures are not checked: a
 * parameter of a forbidden type is harmless when nothing allowed can produce or use one.
 */
public final class BytecodePolicy {
    private static final List<String> RESERVED = List.of("org/gradlab/", "java/", "javax/", "jdk/", "sun/",
            "com/sun/");

    private BytecodePolicy() {
    }

    /** Checks every {@code .class} file under a class output folder. */
    public static List<Violation> check(Path classesDir) {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(classesDir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).toList()) {
                String rel = classesDir.relativize(p).toString().replace('\\', '/');
                classes.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(classes);
    }

    /**
     * Checks class files given by internal name; violations come sorted by class, then in the order
     * they occur, each (class, method, reference) once.
     */
    public static List<Violation> check(Map<String, byte[]> classes) {
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, ClassReader> readers = new TreeMap<>();
        List<Violation> unreadable = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            try {
                ClassReader r = new ClassReader(e.getValue());
                Set<String> members = new HashSet<>();
                r.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                        members.add(name);
                        return null;
                    }

                    @Override
                    public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                        members.add(name);
                        return null;
                    }
                }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                declared.put(r.getClassName(), members);
                readers.put(r.getClassName(), r);
            } catch (RuntimeException ex) {
                unreadable.add(new Violation(e.getKey(), "", "is not a valid class file", "it cannot be checked"));
            }
        }
        ApiPolicy policy = new ApiPolicy(declared);
        List<Violation> out = new ArrayList<>(unreadable);
        for (ClassReader r : readers.values()) {
            Scanner scanner = new Scanner(policy, r.getClassName());
            r.accept(scanner, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            out.addAll(scanner.violations());
        }
        return out;
    }

    /** Visits one class, collecting its violations. */
    private static final class Scanner extends ClassVisitor {
        private final ApiPolicy policy;
        private final String className;
        /** (method, what, reason) in order of appearance. */
        private final Set<List<String>> found = new LinkedHashSet<>();
        /** Synthetic lambda body → the method whose lambda it is, to name "forward (lambda)". */
        private final Map<String, String> lambdaHost = new HashMap<>();

        Scanner(ApiPolicy policy, String className) {
            super(Opcodes.ASM9);
            this.policy = policy;
            this.className = className;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            for (String reserved : RESERVED) {
                if (name.startsWith(reserved)) {
                    add("", "is declared in the reserved package " + dots(name.substring(0, name.lastIndexOf('/'))),
                            "student classes must use their own packages");
                }
            }
            if (superName != null) {
                type("", "extends", superName);
            }
            for (String i : interfaces) {
                type("", "implements", i);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                add(name, "declares a native method", ApiPolicy.NATIVE);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean itf) {
                    member(name, mName.equals("<init>") ? "creates " + dots(owner) : "calls " + dots(owner) + "."
                            + mName, owner, mName);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {
                    member(name, "uses " + dots(owner) + "." + fName, owner, fName);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode != Opcodes.NEW) {   // NEW is always followed by the constructor call, reported as "creates"
                        type(name, "uses", type);
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    type(name, "uses", Type.getType(desc).getInternalName());
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(name, value);
                }

                @Override
                public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... args) {
                    if (!ApiPolicy.allowedBootstrap(bsm.getOwner(), bsm.getName())) {
                        add(name, "uses the invokedynamic bootstrap " + dots(bsm.getOwner()) + "." + bsm.getName(),
                                ApiPolicy.REFLECTION);
                        return;
                    }
                    for (Object a : args) {
                        if (a instanceof Handle h) {
                            if (h.getOwner().equals(className) && h.getName().startsWith("lambda$")) {
                                lambdaHost.putIfAbsent(h.getName(), name);
                            }
                            member(name, "refers to " + dots(h.getOwner()) + "." + h.getName(), h.getOwner(),
                                    h.getName());
                        } else if (a instanceof Type t && t.getSort() == Type.OBJECT) {
                            type(name, "uses", t.getInternalName());
                        }
                    }
                }
            };
        }

        private void constant(String method, Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    add(method, "uses a method type constant", ApiPolicy.REFLECTION);
                } else {
                    type(method, "uses", t.getInternalName());
                }
            } else if (value instanceof Handle) {
                add(method, "uses a method handle constant", ApiPolicy.REFLECTION);
            } else if (value instanceof ConstantDynamic) {
                add(method, "uses a dynamic constant", ApiPolicy.REFLECTION);
            }
        }

        private void type(String method, String verb, String type) {
            String reason = policy.typeVerdict(type);
            if (reason != null) {
                String element = ApiPolicy.elementType(type);
                add(method, verb + " " + dots(element == null ? type : element), reason);
            }
        }

        private void member(String method, String what, String owner, String name) {
            String reason = policy.memberVerdict(owner, name);
            if (reason != null) {
                add(method, what, reason);
            }
        }

        private void add(String method, String what, String reason) {
            found.add(List.of(method, what, reason));
        }

        List<Violation> violations() {
            List<Violation> out = new ArrayList<>();
            Set<List<String>> seen = new HashSet<>();
            for (List<String> f : found) {
                String method = display(f.get(0));
                if (seen.add(List.of(method, f.get(1), f.get(2)))) {
                    out.add(new Violation(className, method, f.get(1), f.get(2)));
                }
            }
            return out;
        }

        /** "forward (lambda)" for a lambda body, following nested lambdas to the method they are written in. */
        private String display(String method) {
            String m = method;
            boolean lambda = false;
            for (int guard = 0; guard < 64 && lambdaHost.containsKey(m); guard++) {
                m = lambdaHost.get(m);
                lambda = true;
            }
            return lambda ? m + " (lambda)" : m;
        }
    }

    private static String dots(String internalName) {
        return internalName.replace('/', '.');
    }
}
