package io.taoprom.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM (which has no parent, so repeats what the root POM says) manages every published
 * module at the project's version and imports client_java's BOM at the version the modules are
 * built with; and every module says what it is to a user (name, description, module name) and
 * inherits the project's license, SCM and URL.
 */
class BomTest {

  @Test
  void theBomManagesEveryPublishedModuleAndTheClientJavaTheyAreBuiltWith() throws Exception {
    Path root = MarkdownLinksTest.repositoryRoot();
    Document parent = parse(root.resolve("pom.xml"));
    Document bom = parse(root.resolve("bom/pom.xml"));
    String version = text(parent.getDocumentElement(), "version");

    List<String> expected = new ArrayList<>();
    for (String module : children(parent.getDocumentElement(), "modules", "module")) {
      if (!module.equals("bom") && !module.equals("benchmarks")) {
        expected.add("io.taoprom:" + artifactId(root.resolve(module).resolve("pom.xml")) + ":" + version + ":jar:");
      }
    }
    expected.add("io.prometheus:prometheus-metrics-bom:" + property(parent, "prometheus.version") + ":pom:import");

    List<String> managed = new ArrayList<>();
    Element management = first(bom.getDocumentElement(), "dependencyManagement");
    NodeList dependencies = management.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      String type = text(d, "type");
      managed.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "version") + ":"
          + (type == null ? "jar" : type) + ":" + (text(d, "scope") == null ? "" : text(d, "scope")));
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
    for (String element : List.of("url", "licenses", "developers", "scm")) {
      assertThat(first(bom.getDocumentElement(), element)).as("bom's " + element).isNotNull();
      assertThat(first(parent.getDocumentElement(), element)).as("root's " + element).isNotNull();
    }
  }

  @Test
  void everyModuleHasANameADescriptionAndAModuleName() throws Exception {
    Path root = MarkdownLinksTest.repositoryRoot();
    Document parent = parse(root.resolve("pom.xml"));
    for (String module : children(parent.getDocumentElement(), "modules", "module")) {
      Element project = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
      assertThat(text(project, "name")).as(module + " name").isNotBlank();
      assertThat(text(project, "description")).as(module + " description").isNotBlank();
      if (!module.equals("bom")) {
        assertThat(property(project.getOwnerDocument(), "taoprom.module.name")).as(module + " taoprom.module.name")
            .matches("io\\.taoprom\\.[a-z]+");
      }
    }
  }

  private static String artifactId(Path pom) throws Exception {
    return text(parse(pom).getDocumentElement(), "artifactId");
  }

  private static String property(Document pom, String name) {
    Element properties = first(pom.getDocumentElement(), "properties");
    return properties == null ? null : text(properties, name);
  }

  private static List<String> children(Element parent, String list, String item) {
    List<String> values = new ArrayList<>();
    Element container = first(parent, list);
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(item)) {
        values.add(e.getTextContent().strip());
      }
    }
    return values;
  }

  /** The direct child element of that name, or null. */
  private static Element first(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = first(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }
}
