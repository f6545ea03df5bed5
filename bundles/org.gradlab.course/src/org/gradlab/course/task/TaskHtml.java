package org.gradlab.course.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.gradlab.check.selfcheck.ExerciseManifest;

/**
 * An exercise's task text (its README.md) as a complete HTML page: Markdown by commonmark-java
 * with GFM tables; the LaTeX spans taken out before parsing ({@link MathProtection}) and put back
 * as {@code <span class="math inline|display">} elements that KaTeX typesets at page load; a
 * "Your files" box and code spans naming the student's classes or methods as
 * {@link TaskLink gradlab:open} links. Nothing is fetched from the network: KaTeX comes from the
 * base URL the caller passes (a {@code file:} URL of KaTeX's {@code dist/} folder).
 */
public final class TaskHtml {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private final String katexBase;

    /** @param katexBaseUrl URL of KaTeX's dist folder (katex.min.js, katex.min.css, fonts/) */
    public TaskHtml(String katexBaseUrl) {
        this.katexBase = katexBaseUrl.endsWith("/") ? katexBaseUrl : katexBaseUrl + "/";
    }

    /** The page of an exercise read from a workspace; relative links resolve against its folder. */
    public String page(ExerciseTask task) {
        return page(task.manifest(), task.markdown(), task.stubs(), task.dir().toUri().toString());
    }

    /**
     * The page for a task text.
     *
     * @param baseUrl where relative links of the text point from (the exercise folder), or null
     */
    public String page(ExerciseManifest manifest, String markdown, ExerciseStubs stubs, String baseUrl) {
        MathProtection math = MathProtection.protect(markdown);
        Node document = PARSER.parse(math.markdown());
        document.accept(new PlaceholderVisitor(math));
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .nodeRendererFactory(context -> new CodeSpanRenderer(context, stubs))
                .nodeRendererFactory(MathRenderer::new)
                .build();

        StringBuilder out = new StringBuilder(markdown.length() * 2);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(manifest.id() + " — " + manifest.title())).append("</title>\n");
        if (baseUrl != null) {
            out.append("<base href=\"").append(escape(baseUrl)).append("\">\n");
        }
        out.append("<link rel=\"stylesheet\" href=\"").append(escape(katexBase)).append("katex.min.css\">\n")
                .append("<style>\n").append(TaskStyle.CSS).append("</style>\n")
                .append("<script src=\"").append(escape(katexBase)).append("katex.min.js\"></script>\n")
                .append("</head>\n<body>\n<main class=\"task\">\n");
        Node first = document.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1) {
            out.append(renderer.render(first));
            first = first.getNext();
        } else {
            out.append("<h1>").append(escape(manifest.title())).append("</h1>\n");
        }
        out.append(yourFiles(stubs));
        for (Node n = first; n != null; n = n.getNext()) {
            out.append(renderer.render(n));
        }
        out.append("</main>\n<script>\n").append(TaskStyle.SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The box at the top: each file to edit, its methods to write; then the files given with them. */
    private static String yourFiles(ExerciseStubs stubs) {
        if (stubs.exerciseFiles().isEmpty()) {
            return "";
        }
        StringBuilder box = new StringBuilder("<section class=\"your-files\">\n<h2>Your files</h2>\n<ul>\n");
        for (ExerciseStubs.Stub s : stubs.exerciseFiles()) {
            box.append(s.toImplement() ? "<li>" : "<li class=\"given\">")
                    .append(link(TaskLink.toFile(s.file()), "src/" + s.file()));
            List<String> methods = s.methods().stream().distinct().toList();
            if (!methods.isEmpty()) {
                box.append(": ");
                for (int i = 0; i < methods.size(); i++) {
                    box.append(i == 0 ? "" : ", ").append(link(new TaskLink(s.file(), methods.get(i)), methods.get(i)));
                }
            } else if (!s.toImplement()) {
                box.append(" (given)");
            }
            box.append("</li>\n");
        }
        return box.append("</ul>\n</section>\n").toString();
    }

    private static String link(TaskLink link, String codeText) {
        return "<a class=\"stub\" href=\"" + escape(link.toUri()) + "\"><code>" + escape(codeText) + "</code></a>";
    }

    /** HTML text and attribute escaping. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Puts the math back into the parsed document: placeholders in text become {@link MathNode}s;
     * in code, raw HTML and link targets (where math cannot be) the original source returns.
     */
    private static final class PlaceholderVisitor extends AbstractVisitor {
        private final MathProtection math;
        private final List<Text> texts = new ArrayList<>();

        PlaceholderVisitor(MathProtection math) {
            this.math = math;
        }

        @Override
        public void visit(org.commonmark.node.Document document) {
            visitChildren(document);
            texts.forEach(this::replace);   // after the walk: replacing nodes while walking would skip some
        }

        @Override
        public void visit(Text text) {
            if (MathProtection.hasPlaceholder(text.getLiteral())) {
                texts.add(text);
            }
        }

        @Override
        public void visit(Code code) {
            code.setLiteral(math.restoreSource(code.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock block) {
            block.setLiteral(math.restoreSource(block.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            block.setLiteral(math.restoreSource(block.getLiteral()));
        }

        @Override
        public void visit(HtmlInline html) {
            html.setLiteral(math.restoreSource(html.getLiteral()));
        }

        @Override
        public void visit(HtmlBlock html) {
            html.setLiteral(math.restoreSource(html.getLiteral()));
        }

        @Override
        public void visit(Link link) {
            link.setDestination(math.restoreSource(link.getDestination()));
            if (link.getTitle() != null) {
                link.setTitle(math.restoreSource(link.getTitle()));
            }
            visitChildren(link);
        }

        private void replace(Text text) {
            for (Object part : math.split(text.getLiteral())) {
                text.insertBefore(part instanceof MathSpan span ? new MathNode(span) : new Text((String) part));
            }
            text.unlink();
        }
    }

    /** A math span as the element the page's script hands to KaTeX; the TeX as escaped text. */
    private static final class MathRenderer implements NodeRenderer {
        private final HtmlWriter html;

        MathRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathNode.class);
        }

        @Override
        public void render(Node node) {
            MathSpan span = ((MathNode) node).span();
            html.tag("span", Map.of("class", span.display() ? "math display" : "math inline"));
            html.text(span.tex());
            html.tag("/span");
        }
    }

    /** Inline code as commonmark writes it, wrapped in a link when it names the student's code. */
    private static final class CodeSpanRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final ExerciseStubs stubs;

        CodeSpanRenderer(HtmlNodeRendererContext context, ExerciseStubs stubs) {
            this.context = context;
            this.html = context.getWriter();
            this.stubs = stubs;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Code.class);
        }

        @Override
        public void render(Node node) {
            Code code = (Code) node;
            TaskLink link = insideLink(code) ? null : stubs.linkFor(code.getLiteral()).orElse(null);
            if (link != null) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("class", "stub");
                attrs.put("href", link.toUri());
                attrs.put("title", "open src/" + link.file() + (link.method() == null ? "" : " at " + link.method()));
                html.tag("a", attrs);
            }
            html.tag("code", context.extendAttributes(code, "code", Map.of()));
            html.text(code.getLiteral());
            html.tag("/code");
            if (link != null) {
                html.tag("/a");
            }
        }

        private static boolean insideLink(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Link) {
                    return true;
                }
            }
            return false;
        }
    }
}
