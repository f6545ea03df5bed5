package org.gradlab.course.task;

/** The task page's style sheet and the script that typesets its math; constants so the page is one string. */
final class TaskStyle {
    private TaskStyle() {
    }

    /** Light and quiet, a readable line length; the math keeps KaTeX's own style. */
    static final String CSS = """
            html { background: #fdfdfc; }
            body { margin: 0; padding: 1.2em 1.6em 3em; color: #1f2328; font: 15px/1.55 "DejaVu Sans", "Noto Sans", sans-serif; }
            main.task { max-width: 50em; margin: 0 auto; }
            h1 { font-size: 1.6em; margin: 0.2em 0 0.6em; border-bottom: 1px solid #d8dee4; padding-bottom: 0.25em; }
            h2 { font-size: 1.25em; margin: 1.6em 0 0.5em; }
            h3 { font-size: 1.05em; margin: 1.3em 0 0.4em; }
            p, ul, ol, table, pre { margin: 0 0 0.9em; }
            li { margin: 0.15em 0; }
            a { color: #0b5cad; text-decoration: none; }
            a:hover { text-decoration: underline; }
            code { font: 0.9em/1.4 "DejaVu Sans Mono", "Noto Sans Mono", monospace; background: #f0f2f4; padding: 0.1em 0.3em; border-radius: 3px; }
            a.stub code { background: #e4eefa; color: #0b5cad; }
            pre { background: #f5f7f9; border: 1px solid #e1e5ea; border-radius: 4px; padding: 0.7em 0.9em; overflow-x: auto; }
            pre code { background: none; padding: 0; font-size: 0.88em; }
            table { border-collapse: collapse; display: block; overflow-x: auto; }
            th, td { border: 1px solid #d0d7de; padding: 0.3em 0.6em; vertical-align: top; }
            th { background: #f3f5f7; text-align: left; }
            tr:nth-child(even) td { background: #fafbfc; }
            .math.display { display: block; margin: 0.8em 0; overflow-x: auto; overflow-y: hidden; text-align: center; }
            .katex-error { color: #b3261e; }
            section.your-files { background: #f4f8fc; border: 1px solid #cfdff0; border-radius: 5px; padding: 0.5em 1em; margin: 0 0 1.2em; }
            section.your-files h2 { font-size: 1em; margin: 0.2em 0 0.4em; }
            section.your-files ul { margin: 0 0 0.3em; padding-left: 1.2em; }
            section.your-files .given { color: #57606a; }
            """;

    /**
     * Typesets every math element in place once KaTeX has loaded. Errors stay on the page as
     * KaTeX's red source text (throwOnError false) rather than stopping the other formulas;
     * without KaTeX the TeX source stays readable and the body says why.
     */
    static final String SCRIPT = """
            (function () {
              var body = document.body;
              if (typeof katex === 'undefined') { body.setAttribute('data-math', 'no-katex'); return; }
              var elements = document.querySelectorAll('.math');
              for (var i = 0; i < elements.length; i++) {
                var el = elements[i];
                katex.render(el.textContent, el, { displayMode: el.classList.contains('display'), throwOnError: false });
              }
              body.setAttribute('data-math', 'done');
            })();
            """;
}
