package org.gradlab.grader.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which JDK and GradLab APIs student code may reference: an ALLOW-list (java.lang basics, java.util
 * collections/functions/streams/regex/random, java.math, java.text, java.lang.annotation,
 * {@code System.out}/{@code err}, and the student API {@code org.gradlab.core}); everything else is
 * refused. Allow-listing means a JDK API nobody thought of is refused rather than let through.
 * Refusals inside the allowed area (System.exit, Class.forName, parallel streams…) and the
 * well-known dangerous areas carry a specific reason so the student learns why.
 *
 * <p>Names are JVM internal names ({@code java/lang/System}). Patterns: {@code "a/b/"} a package
 * and all its subpackages, {@code "a/b/*"} the classes directly in a package, {@code "a/b/C"} a
 * class and its nested classes, {@code "a/b/C.m"} a member. The most specific pattern wins: member,
 * then class, then the longest package.
 */
final class ApiPolicy {
    static final String ENGINE = "the reference engine is off limits";
    static final String GRADER = "the grader is off limits";
    static final String SPI = "core internals (org.gradlab.core.spi) are off limits";
    static final String FILES = "files are not accessible";
    static final String NETWORK = "the network is not accessible";
    static final String PROCESSES = "processes may not be controlled";
    static final String REFLECTION = "reflection is not allowed";
    static final String THREADS = "threads are not allowed";
    static final String INTERNALS = "JDK internals are off limits";
    static final String CLASSLOADING = "class loading is not allowed";
    static final String NATIVE = "native code is not allowed";
    static final String ENVIRONMENT = "the environment, system properties and the grader's streams are off limits";
    static final String NOT_ALLOWED = "not on the list of APIs student code may use";

    /** Bootstrap methods javac/ECJ emit for lambdas, string concatenation, records and pattern switches. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch");

    /** A verdict for a type ({@code type}, null = allowed) and the default for its members. */
    private record Entry(String type, String members) {
    }

    private static final Map<String, Entry> CLASSES = new HashMap<>();
    private static final Map<String, String> PACKAGES = new HashMap<>();   // pattern -> reason (null = allowed)
    private static final Map<String, String> MEMBERS = new HashMap<>();    // "owner.name[*]" -> reason
    /** Member names refused on every owner: parallel streams and parallel array operations. */
    private static final Map<String, String> ANY_OWNER = Map.of("parallel*", THREADS);

    static {
        // --- allowed: the student API and the JDK basics of the course
        PACKAGES.put("org/gradlab/core/*", null);
        for (String p : List.of("java/util/*", "java/util/function/*", "java/util/stream/*", "java/util/regex/*",
                "java/util/random/*", "java/util/concurrent/atomic/*", "java/math/*", "java/text/*",
                "java/lang/annotation/*")) {
            PACKAGES.put(p, null);
        }
        for (String c : List.of("Object", "String", "StringBuilder", "StringBuffer", "CharSequence", "Math",
                "StrictMath", "Number", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character",
                "Boolean", "Void", "Iterable", "Comparable", "Cloneable", "AutoCloseable", "Runnable", "Appendable",
                "Enum", "Record", "Throwable", "StackTraceElement", "Override", "Deprecated", "FunctionalInterface",
                "SafeVarargs", "SuppressWarnings")) {
            allow("java/lang/" + c);
        }
        allow("java/io/Serializable");
        allow("java/io/IOException");
        allow("java/io/UncheckedIOException");
        // allowed as types, but only the listed members
        restrict("java/lang/System", ENVIRONMENT, "out", "err", "arraycopy", "nanoTime", "currentTimeMillis",
                "identityHashCode", "lineSeparator", "gc");
        restrict("java/lang/Runtime", PROCESSES, "getRuntime", "availableProcessors", "freeMemory", "maxMemory",
                "totalMemory", "gc");
        restrict("java/lang/Class", REFLECTION, "getName", "getSimpleName", "getTypeName", "getCanonicalName",
                "getPackageName", "isInstance", "cast", "isArray", "isPrimitive", "isEnum", "isRecord",
                "isInterface", "isAssignableFrom", "getComponentType", "componentType", "desiredAssertionStatus",
                "toString", "hashCode", "equals");
        restrict("java/io/PrintStream", FILES, "print", "println", "printf", "format", "append", "write", "flush",
                "checkError", "close");

        // --- refused, with the reason a student should read
        PACKAGES.put("org/gradlab/", GRADER);
        PACKAGES.put("org/gradlab/engine/", ENGINE);
        PACKAGES.put("org/gradlab/core/spi/", SPI);
        for (String c : List.of("File", "FileInputStream", "FileOutputStream", "RandomAccessFile", "FileReader",
                "FileWriter", "FileDescriptor", "Console")) {
            deny("java/io/" + c, FILES);
        }
        PACKAGES.put("java/nio/file/", FILES);
        PACKAGES.put("java/nio/channels/", FILES);
        PACKAGES.put("java/net/", NETWORK);
        PACKAGES.put("javax/net/", NETWORK);
        PACKAGES.put("jdk/net/", NETWORK);
        deny("java/lang/ProcessBuilder", PROCESSES);
        deny("java/lang/Process", PROCESSES);
        deny("java/lang/ProcessHandle", PROCESSES);
        MEMBERS.put("java/lang/System.exit", PROCESSES);
        MEMBERS.put("java/lang/Runtime.exit", PROCESSES);
        MEMBERS.put("java/lang/Runtime.halt", PROCESSES);
        MEMBERS.put("java/lang/Runtime.exec", PROCESSES);
        PACKAGES.put("java/lang/reflect/", REFLECTION);
        PACKAGES.put("java/lang/invoke/", REFLECTION);
        PACKAGES.put("java/lang/runtime/", REFLECTION);
        PACKAGES.put("java/lang/constant/", REFLECTION);
        for (String c : List.of("Module", "ModuleLayer", "Package", "ClassValue", "StackWalker")) {
            deny("java/lang/" + c, REFLECTION);
        }
        for (String c : List.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "ScopedValue",
                "VirtualThread")) {
            deny("java/lang/" + c, THREADS);
        }
        PACKAGES.put("java/util/concurrent/", THREADS);
        PACKAGES.put("java/lang/ref/", THREADS);   // Cleaner runs a thread; references watch the collector
        deny("java/util/Timer", THREADS);
        deny("java/util/TimerTask", THREADS);
        deny("java/util/stream/StreamSupport", THREADS);   // builds parallel streams from a flag
        PACKAGES.put("sun/", INTERNALS);
        PACKAGES.put("com/sun/", INTERNALS);
        PACKAGES.put("jdk/", INTERNALS);
        deny("java/lang/ClassLoader", CLASSLOADING);
        deny("java/net/URLClassLoader", CLASSLOADING);
        deny("java/security/SecureClassLoader", CLASSLOADING);
        deny("java/util/ServiceLoader", CLASSLOADING);
        deny("java/util/ResourceBundle", CLASSLOADING);
        deny("java/util/Formatter", FILES);   // new Formatter("name") writes a file
        MEMBERS.put("java/lang/Class.getClassLoader", CLASSLOADING);
        MEMBERS.put("java/lang/System.load", NATIVE);
        MEMBERS.put("java/lang/System.loadLibrary", NATIVE);
        MEMBERS.put("java/lang/System.mapLibraryName", NATIVE);
        MEMBERS.put("java/lang/Runtime.load", NATIVE);
        MEMBERS.put("java/lang/Runtime.loadLibrary", NATIVE);
        MEMBERS.put("java/lang/Runtime.addShutdownHook", PROCESSES);
        MEMBERS.put("java/lang/Integer.getInteger", ENVIRONMENT);
        MEMBERS.put("java/lang/Long.getLong", ENVIRONMENT);
        MEMBERS.put("java/lang/Boolean.getBoolean", ENVIRONMENT);
    }

    private final Set<String> own;
    private final Map<String, Set<String>> declared;

    /**
     * @param declared the submission's own classes (internal names) and the member names each declares:
     *                 references to them are allowed, except inherited members refused on every owner
     */
    ApiPolicy(Map<String, Set<String>> declared) {
        this.declared = declared;
        this.own = declared.keySet();
    }

    private static void allow(String cls) {
        CLASSES.put(cls, new Entry(null, null));
    }

    private static void deny(String cls, String reason) {
        CLASSES.put(cls, new Entry(reason, reason));
    }

    private static void restrict(String cls, String reason, String... allowedMembers) {
        CLASSES.put(cls, new Entry(null, reason));
        for (String m : allowedMembers) {
            MEMBERS.put(cls + "." + m, null);
        }
    }

    static boolean allowedBootstrap(String owner, String name) {
        return BOOTSTRAPS.contains(owner + "." + name);
    }

    boolean isOwn(String internalName) {
        return own.contains(elementType(internalName));
    }

    /** Why a type may not be used, or null when it may. */
    String typeVerdict(String internalName) {
        String t = elementType(internalName);
        if (t == null || own.contains(t)) {
            return null;
        }
        Entry e = classEntry(t);
        if (e != null) {
            return e.type();
        }
        if (isJavaLangThrowable(t)) {
            return null;
        }
        return packageVerdict(t);
    }

    /** Why a member (method, constructor or field) may not be used, or null when it may. */
    String memberVerdict(String owner, String name) {
        String t = elementType(owner);
        if (t == null) {
            return null;   // a method of an array type (clone, length)
        }
        for (Map.Entry<String, String> any : ANY_OWNER.entrySet()) {
            if (matches(any.getKey(), name) && !(own.contains(t) && declared.get(t).contains(name))) {
                return any.getValue();
            }
        }
        if (own.contains(t)) {
            return null;
        }
        String key = t + "." + name;
        if (MEMBERS.containsKey(key)) {
            return MEMBERS.get(key);
        }
        Entry e = classEntry(t);
        if (e != null) {
            return e.type() != null ? e.type() : e.members();
        }
        return typeVerdict(t);
    }

    /** The class entry for a class or, for a nested class, its outermost listed enclosing class. */
    private static Entry classEntry(String t) {
        for (String c = t; ; ) {
            Entry e = CLASSES.get(c);
            if (e != null) {
                return e;
            }
            int dollar = c.lastIndexOf('$');
            if (dollar < 0) {
                return null;
            }
            c = c.substring(0, dollar);
        }
    }

    /** Exceptions and errors of java.lang are plain data: throwing and catching them is fine. */
    private static boolean isJavaLangThrowable(String t) {
        if (!t.startsWith("java/lang/") || t.indexOf('/', "java/lang/".length()) >= 0 || t.indexOf('$') >= 0) {
            return false;
        }
        return t.endsWith("Exception") || t.endsWith("Error");
    }

    private static String packageVerdict(String t) {
        int slash = t.lastIndexOf('/');
        String pkg = t.substring(0, slash + 1);
        String best = null;
        for (String p : PACKAGES.keySet()) {
            boolean hit = p.endsWith("/*") ? pkg.equals(p.substring(0, p.length() - 1)) : pkg.startsWith(p);
            if (hit && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best == null ? NOT_ALLOWED : PACKAGES.get(best);
    }

    private static boolean matches(String pattern, String name) {
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                : name.equals(pattern);
    }

    /** The element class of an array type or descriptor ("[Ljava/io/File;" → "java/io/File"), null for primitives. */
    static String elementType(String internalName) {
        String t = internalName;
        int dims = 0;
        while (dims < t.length() && t.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return t;
        }
        t = t.substring(dims);
        return t.startsWith("L") && t.endsWith(";") ? t.substring(1, t.length() - 1) : null;
    }
}
