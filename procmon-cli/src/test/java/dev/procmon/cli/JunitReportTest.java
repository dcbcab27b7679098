package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --junit FILE}: validated against Maven Surefire's own report schema (test resource
 * {@code surefire-test-report-3.0.xsd}) and read back with the JDK's XML parser.
 */
class JunitReportTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int procmon(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    private static void validate(Path report) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(JunitReportTest.class.getResource("/surefire-test-report-3.0.xsd"))
                .newValidator()
                .validate(new StreamSource(report.toFile()));
    }

    private static Document parse(Path report) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(report.toFile());
    }

    @Test
    void aFullDiskIsOneLineNamingTheReportOnce() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");

        int exit =
                procmon("check", CheckCommandTest.log("phases.log"), "--max-rss", "1GiB", "--junit", full.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("procmon check: cannot write the JUnit report /dev/full: No space left on device\n");
    }

    @Test
    void oneTestCasePerBudgetWithFailuresAndErrorsCountedAsSurefireDoes() throws Exception {
        Path report = tmp.resolve("procmon-check.xml");
        int exit = procmon(
                "check",
                CheckCommandTest.log("phases.log"),
                "--max-rss",
                "99MiB",
                "--max-cpu",
                "10",
                "--phase",
                "load:max-rss=50MiB",
                "--phase",
                "nosuch:max-cpu=1",
                "--junit",
                report.toString());

        assertThat(exit).isEqualTo(2); // the missing phase makes it an error
        assertThatCode(() -> validate(report)).doesNotThrowAnyException();
        Element suite = parse(report).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            outcomes.add(
                    c.getElementsByTagName("failure").getLength() > 0
                            ? "failure"
                            : c.getElementsByTagName("error").getLength() > 0 ? "error" : "pass");
            assertThat(c.getAttribute("classname"))
                    .isEqualTo("procmon-check."
                            + CheckCommandTest.log("phases.log").replace('.', '_') + " pid 500");
        }
        assertThat(names)
                .containsExactly(
                        "peak RSS <= 99.0 MiB",
                        "CPU time <= 10.00 s",
                        "phase \"load\": peak RSS <= 50.0 MiB",
                        "phase \"nosuch\": CPU time <= 1.00 s");
        assertThat(outcomes).containsExactly("failure", "pass", "failure", "error");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .endsWith("peak RSS 100.0 MiB exceeds budget 99.0 MiB"
                        + " (--max-rss 99.0 MiB) at 9.0 s (2026-11-24T14:10:19)");
        assertThat(failure.getAttribute("type")).isEqualTo("procmon.BudgetExceeded");
    }

    @Test
    void aPassingCheckAndABaselineComparisonAreTestCasesToo() throws Exception {
        Path report = tmp.resolve("baseline.xml");
        assertThat(procmon(
                        "check",
                        CheckCommandTest.log("improved.log"),
                        "--baseline",
                        CheckCommandTest.log("baseline.log"),
                        "--junit",
                        report.toString()))
                .isZero();
        validate(report);
        Element suite = parse(report).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("12");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name"))
                .isEqualTo(
                        "baseline: peak RSS at most 10 % above " + CheckCommandTest.log("baseline.log") + " pid 400");
    }

    @Test
    void textThatXmlCannotHoldIsDroppedAndTheReportStaysValid() throws Exception {
        Path log = tmp.resolve("ctl.log");
        String line = Files.readAllLines(Path.of(CheckCommandTest.log("labels.log")))
                .get(1)
                .replace("\"label\": \"a\"", "\"label\": \"<x>&\\u0000\\u0007\\ud800]]>\"");
        Files.writeString(log, line + "\n");
        Path report = tmp.resolve("ctl.xml");

        // The reader turns the lone surrogate into U+FFFD; the second budget's name keeps one (an error case).
        assertThat(procmon(
                        "check",
                        log.toString(),
                        "--phase",
                        "<x>&\u0000\u0007\ufffd]]>:max-rss=1MiB",
                        "--phase",
                        "\ud800<y>:max-rss=1MiB",
                        "--junit",
                        report.toString()))
                .isEqualTo(2);
        validate(report);
        Document doc = parse(report);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("in label interval \"<x>&\\u0000\\u0007\ufffd]]>\"");
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).contains("no phase or label \"\\ud800<y>\"");
    }

    @Test
    void theReportIsNotWrittenThroughAPlantedLink() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("report.xml"), victim);

        int exit =
                procmon("check", CheckCommandTest.log("phases.log"), "--max-rss", "1GiB", "--junit", link.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("procmon check: cannot write the JUnit report " + link + ": ");
        assertThat(Files.readString(victim)).isEqualTo("keep");
    }
}
