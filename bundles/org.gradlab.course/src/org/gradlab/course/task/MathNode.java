package org.gradlab.course.task;

import org.commonmark.node.CustomNode;

/** A math span in the parsed Markdown, where its placeholder stood; rendered for KaTeX. */
final class MathNode extends CustomNode {
    private final MathSpan span;

    MathNode(MathSpan span) {
        this.span = span;
    }

    MathSpan span() {
        return span;
    }
}
