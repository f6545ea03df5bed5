package org.gradlab.course.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskHtmlTest {
    private static final String KATEX = "file:///opt/katex/dist/";
    private static final Pattern MATH_ELEMENT = Pattern.compile("<span class=\"math (inline|display)\">(.*?)</span>", Pattern.DOTALL);

    static List<String> exercises() throws IOException {
        List<String> ids = Course.ids();
        assertEquals(13, ids.size(), "the course's exercises: " + ids);
        return ids;
    }

    /**
     * Every README renders, and each of its math spans is one math element holding the TeX as
     * written. The spans are counted here independently of MathProtection, with plain regexes on
     * the source after cutting fenced blocks and code spans out.
     */
    @ParameterizedTest
    @MethodSource("exercises")
    void everyMathSpanOfEveryReadmeIsOneMathElementVerbatim(String id) throws IOException {
        Path dir = Course.exercise(id);
        String markdown = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        ExerciseManifest manifest = ExerciseManifest.read(dir);
        String html = new TaskHtml(KATEX).page(manifest, markdown, ExerciseStubs.scan(manifest, dir.resolve("src")),
                dir.toUri().toString());

        List<String> expected = mathInSource(markdown);
        List<String> rendered = new ArrayList<>();
        Matcher m = MATH_ELEMENT.matcher(html);
        while (m.find()) {
            rendered.add(m.group(1) + ":" + m.group(2));
        }
        assertTrue(expected.size() >= 5, id + " has math: " + expected.size());
        assertEquals(expected.size(), rendered.size(), id + ": math elements vs spans in the source");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), rendered.get(i), id + ": math span " + i);
        }
        assertTrue(html.contains(TaskHtml.escape(manifest.title())), id + ": title on the page");
        assertFalse(html.contains("\uE000"), id + ": no placeholder left");
        assertTrue(html.contains("<table>"), id + ": its tables are tables");
    }

    /** "display:tex" / "inline:tex" (HTML-escaped) for every span outside code, in order. */
    private static List<String> mathInSource(String markdown) {
        String text = markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```[ \\t]*$", "")
                .replaceAll("``[^`]+``|`[^`\n]+`", "");
        List<String> spans = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$([^$]+)\\$", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            spans.add(m.group(1) != null ? "display:" + TaskHtml.escape(m.group(1)) : "inline:" + TaskHtml.escape(m.group(2)));
        }
        return spans;
    }

    @Test
    void markdownDoesNotTouchMath() {
        String html = render("Products $a_i *b_j$ and $c_k* d_l$; a set $\\{x\\}$, a row break $a \\\\ b$.\n");
        assertFalse(html.contains("<em>"), html);
        assertTrue(html.contains("<span class=\"math inline\">a_i *b_j</span>"), html);
        assertTrue(html.contains("<span class=\"math inline\">c_k* d_l</span>"), html);
        assertTrue(html.contains("<span class=\"math inline\">\\{x\\}</span>"), html);
        assertTrue(html.contains("<span class=\"math inline\">a \\\\ b</span>"), html);
        // the same text without the dollars is Markdown: the control for the assertions above
        assertTrue(render("Products a_i *b_j and c_k* d_l.\n").contains("<em>b_j and c_k</em>"));
    }

    @Test
    void displayMathSpansLinesAndSurvivesLineStartsThatLookLikeMarkdown() {
        String html = render("Then\n\n$$\\begin{aligned} a &= b \\\\\n- c &= d_1 * e_2 \\\\\n# f &= g_1 * h_2\\end{aligned}$$\n\nend\n");
        assertTrue(html.contains("<span class=\"math display\">\\begin{aligned} a &amp;= b \\\\\n- c &amp;= d_1 * e_2 \\\\\n"
                + "# f &amp;= g_1 * h_2\\end{aligned}</span>"), html);
        String body = html.substring(html.indexOf("</section>"));
        assertFalse(body.contains("<li>") || body.contains("<h1>") || body.contains("<em>"), html);
    }

    @Test
    void dollarsInCodeStayCode() {
        String html = render("Type `$x$` or ``a ` $b$`` here, then $y$.\n\n```sh\necho $HOME $PATH\nx=$$\n```\n\n    $indented$ code\n");
        assertTrue(html.contains("<code>$x$</code>"), html);
        assertTrue(html.contains("<code>a ` $b$</code>"), html);
        assertTrue(html.contains("echo $HOME $PATH\nx=$$\n</code></pre>"), html);
        assertTrue(html.contains("<pre><code>$indented$ code\n</code></pre>"), html);
        assertEquals(1, count(html), html);
        assertTrue(html.contains("<span class=\"math inline\">y</span>"), html);
    }

    @Test
    void mathIsHtmlEscaped() {
        String html = render("If $a < b \\& c > d$ then $$x<y \\quad \"q\"$$\n");
        assertTrue(html.contains("<span class=\"math inline\">a &lt; b \\&amp; c &gt; d</span>"), html);
        assertTrue(html.contains("<span class=\"math display\">x&lt;y \\quad &quot;q&quot;</span>"), html);
    }

    @Test
    void pipesInMathDoNotSplitTableCells() {
        String html = render("| x | norm |\n| --- | --- |\n| `v` | $|v| = \\lvert v \\rvert$ |\n");
        assertTrue(html.contains("<td><span class=\"math inline\">|v| = \\lvert v \\rvert</span></td>"), html);
        assertEquals(2, html.split("<td>", -1).length - 1, "two cells: " + html);
    }

    @Test
    void dollarsThatAreNotMathStayText() {
        // the rules: no space after the opening dollar, no digit after the closing one, \\$ is a dollar
        String html = render("It costs $5 and $6.\n\nOr \\$7 and \\$8.\n\nA lone $ sign and $ another.\n");
        assertEquals(0, count(html), html);
        assertTrue(html.contains("<p>It costs $5 and $6.</p>"), html);
        assertTrue(html.contains("<p>Or $7 and $8.</p>"), html);
        assertTrue(html.contains("<p>A lone $ sign and $ another.</p>"), html);
    }

    @Test
    void dollarsInsideTextOfDisplayMathBelongToIt() {
        // exercise 04 writes [\text{$i$ violates}] inside $$…$$
        String html = render("$$\\frac{[\\text{$i$ violates}]}{C}$$\n");
        assertEquals(1, count(html), html);
        assertTrue(html.contains("<span class=\"math display\">\\frac{[\\text{$i$ violates}]}{C}</span>"), html);
    }

    @Test
    void pageLoadsKatexFromTheBaseAndNothingFromTheNetwork() {
        String html = render("# T\n\nSee [the next one](../02-mlp-backprop/README.md) and $x$.\n");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + KATEX + "katex.min.css\">"), html);
        assertTrue(html.contains("<script src=\"" + KATEX + "katex.min.js\"></script>"), html);
        assertTrue(html.contains("katex.render(el.textContent, el, { displayMode: el.classList.contains('display')"), html);
        assertFalse(html.contains("http:") || html.contains("https:"), "no network: " + html);
        assertTrue(html.contains("<base href=\"file:///ws/exercises/01-x/\">"), html);
        assertTrue(html.contains("<a href=\"../02-mlp-backprop/README.md\">the next one</a>"), "relative link kept: " + html);
        assertTrue(new TaskHtml("file:///k/dist").page(manifest(), "x", ExerciseStubs.of(manifest(), List.of()), null)
                .contains("href=\"file:///k/dist/katex.min.css\""), "base without a trailing slash");
    }

    @Test
    void yourFilesBoxAndCodeSpansLinkTheStubs() throws IOException {
        Path dir = Course.exercise("01-autodiff");
        ExerciseTask task = new ExerciseTask(dir, ExerciseManifest.read(dir),
                Files.readString(dir.resolve("README.md")), ExerciseStubs.scan(ExerciseManifest.read(dir), dir.resolve("src")));
        String html = new TaskHtml(KATEX).page(task);
        String box = html.substring(html.indexOf("<section class=\"your-files\">"), html.indexOf("</section>"));
        assertTrue(html.indexOf("<h1>") < html.indexOf("<section class=\"your-files\">"), "box below the title");
        assertTrue(box.contains("<a class=\"stub\" href=\"gradlab:open?file=autodiff/Value.java\"><code>src/autodiff/Value.java</code></a>"), box);
        for (String method : List.of("add", "sigmoid", "topologicalOrder", "backward", "zeroGrad")) {
            assertTrue(box.contains("href=\"gradlab:open?file=autodiff/Value.java&amp;method=" + method + "\"><code>" + method + "</code>"), method + ": " + box);
        }
        assertTrue(html.contains("<a class=\"stub\" href=\"gradlab:open?file=autodiff/Value.java\" title=\"open src/autodiff/Value.java\"><code>Value</code></a>"), html);
        assertTrue(html.contains("href=\"gradlab:open?file=autodiff/Value.java&amp;method=topologicalOrder\" title=\"open src/autodiff/Value.java at topologicalOrder\"><code>List&lt;Value&gt; topologicalOrder()</code></a>"), html);
        assertTrue(html.contains("<code>out.data</code>") && !html.contains("<code>HashSet&lt;Value&gt;</code></a>"), "not everything is a link");
    }

    @Test
    void ambiguousMethodNamesAreNotLinkedButClassesAre() throws IOException {
        Path dir = Course.exercise("03-activations");
        ExerciseManifest manifest = ExerciseManifest.read(dir);
        String html = new TaskHtml(KATEX).page(manifest, Files.readString(dir.resolve("README.md")),
                ExerciseStubs.scan(manifest, dir.resolve("src")), null);
        assertTrue(html.contains("<a class=\"stub\" href=\"gradlab:open?file=activations/Softmax.java\" title=\"open src/activations/Softmax.java\"><code>Softmax</code></a>"), html);
        String text = html.substring(html.indexOf("</section>"));
        assertTrue(text.contains("<code>backward</code>") && !text.contains("<code>backward</code></a>"), "backward is in every class");
        assertEquals(9, html.substring(0, html.indexOf("</section>")).split("<li>", -1).length - 1, "nine classes to write");
    }

    private static ExerciseManifest manifest() {
        return new ExerciseManifest("01-x", "A test", 10, List.of(),
                List.of(new ExerciseManifest.Implement("pkg.Thing", List.of("run"))), null, "");
    }

    private static String render(String markdown) {
        return new TaskHtml(KATEX).page(manifest(), markdown, ExerciseStubs.of(manifest(), List.of("pkg/Thing.java")),
                "file:///ws/exercises/01-x/");
    }

    private static int count(String html) {
        Matcher m = MATH_ELEMENT.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
