package org.gradlab.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gradlab.grader.batch.FakeGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneSuitePerExerciseOneCasePerCheckAndFailuresWithMessages() throws Exception {
        SubmissionReport r = FakeGrading.report("alice", 42);
        Document doc = parse(JUnitXml.write(r));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(r.exercises().size() + 1, suites.getLength());
        int failures = 0;
        for (int i = 0; i < r.exercises().size(); i++) {
            ExerciseResult e = r.exercises().get(i);
            Element suite = (Element) suites.item(i);
            assertEquals(e.id(), suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(e.checks().size(), cases.getLength());
            assertEquals(Integer.toString(e.checks().size()), suite.getAttribute("tests"));
            for (int k = 0; k < cases.getLength(); k++) {
                CheckResult c = e.checks().get(k);
                Element tc = (Element) cases.item(k);
                assertEquals(c.name(), tc.getAttribute("name"));
                NodeList failure = tc.getElementsByTagName("failure");
                assertEquals(c.passed() ? 0 : 1, failure.getLength(), c.name());
                if (!c.passed()) {
                    failures++;
                    assertEquals(c.message(), ((Element) failure.item(0)).getAttribute("message"));
                    if (c.diagnosis() != null) {
                        assertTrue(failure.item(0).getTextContent().contains(c.diagnosis()));
                    }
                }
            }
        }
        assertTrue(failures > 0, "the fixture should fail some checks");
        assertEquals(Integer.toString(failures), doc.getDocumentElement().getAttribute("failures"));
        Element submission = (Element) suites.item(r.exercises().size());
        assertEquals("submission", submission.getAttribute("name"));
        assertEquals(r.output(), submission.getElementsByTagName("system-out").item(0).getTextContent());
        assertFalse(JUnitXml.write(r).contains("time="), "no timing: the file must be reproducible");
    }

    @Test
    void staysWellFormedWhateverTheStudentPrinted() throws Exception {
        SubmissionReport base = FakeGrading.report("x", 1);
        String nasty = "<tag attr=\"v\"> & ]]> \u0001\u0007 bell \uD800 lone surrogate, emoji \uD83D\uDE00\n\ttab";
        SubmissionReport r = new SubmissionReport("a\"b<c>&'d", 1, base.exercises(), base.compile(),
                List.of(nasty), nasty, "iso & \"quotes\"", nasty, 5);
        Document doc = parse(JUnitXml.write(r));
        String out = doc.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.startsWith("<tag attr=\"v\"> & ]]> \uFFFD\uFFFD bell \uFFFD lone surrogate, emoji \uD83D\uDE00\n\ttab"),
                out);
        assertEquals("a\"b<c>&'d", doc.getDocumentElement().getAttribute("name"));
        NodeList errors = doc.getElementsByTagName("error");
        assertEquals(1, errors.getLength()); // the intake error
    }

    @Test
    void anExerciseThatNeverRanIsOneRedTestcase() throws Exception {
        Document doc = parse(JUnitXml.write(FakeGrading.report("grace_slowpoke", 3)));
        Element conv = (Element) doc.getElementsByTagName("testsuite").item(2);
        assertEquals("07-convolution", conv.getAttribute("name"));
        assertEquals("1", conv.getAttribute("errors"));
        Element tc = (Element) conv.getElementsByTagName("testcase").item(0);
        assertEquals("Convolution (timed out)", tc.getAttribute("name"));
        assertTrue(((Element) tc.getElementsByTagName("error").item(0)).getAttribute("message").startsWith("timed out"));
    }
}
