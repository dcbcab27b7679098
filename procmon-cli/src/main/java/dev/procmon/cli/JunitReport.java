package dev.procmon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes verdicts as a JUnit XML report in the form Maven Surefire writes (its
 * {@code surefire-test-report-3.0.xsd}), which Jenkins, GitLab and GitHub Actions display: one
 * {@code testsuite}, one {@code testcase} per budget and run, a {@code failure} for a broken budget,
 * an {@code error} for one that could not be checked.
 */
final class JunitReport {

    static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    private JunitReport() {}

    /** Writes {@code file}, never through a symbolic link planted in its place. */
    static void write(Path file, String suiteName, List<Verdict> verdicts) throws IOException {
        try (OutputStream out = Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            write(out, suiteName, verdicts);
        }
    }

    static void write(OutputStream out, String suiteName, List<Verdict> verdicts) throws IOException {
        long failures =
                verdicts.stream().filter(v -> v.status() == Verdict.Status.FAIL).count();
        long errors = verdicts.stream()
                .filter(v -> v.status() == Verdict.Status.ERROR)
                .count();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA);
            x.writeAttribute("version", "3.0");
            x.writeAttribute("name", xml(suiteName));
            x.writeAttribute("time", "0");
            x.writeAttribute("tests", Integer.toString(verdicts.size()));
            x.writeAttribute("errors", Long.toString(errors));
            x.writeAttribute("skipped", "0");
            x.writeAttribute("failures", Long.toString(failures));
            for (Verdict v : verdicts) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("name", xml(v.name()));
                x.writeAttribute("classname", xml("procmon-check." + v.run().replace('.', '_')));
                x.writeAttribute("time", "0");
                if (v.status() != Verdict.Status.PASS) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement(v.status() == Verdict.Status.FAIL ? "failure" : "error");
                    x.writeAttribute("message", xml(v.message()));
                    x.writeAttribute(
                            "type",
                            v.status() == Verdict.Status.FAIL ? "procmon.BudgetExceeded" : "procmon.ValueNotInLog");
                    x.writeCharacters(xml(v.message()));
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // the disk's own reason ("No space left on device"), not the XML writer's wrapping of it
            }
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    /**
     * Drops what XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF); the
     * writer escapes the rest ({@code < & "}).
     */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE)) {
                sb.append(c);
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }
}
