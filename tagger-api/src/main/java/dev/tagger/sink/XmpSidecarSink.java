package dev.tagger.sink;

import dev.tagger.Tag;
import org.jspecify.annotations.Nullable;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.policy.TagHierarchy;
import dev.tagger.spi.TagSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Writes tags into XMP sidecars: {@code dc:subject} and {@code lr:hierarchicalSubject} (under a root,
 * along the tag's {@link TagHierarchy} path: {@code AI|animal|mammal|dog|malamute}), which digiKam,
 * Lightroom and darktable read, plus the {@code tagger:}
 * namespace with each tag's confidence and provenance, and a model's caption as {@code dc:description} where a person
 * wrote none. An existing sidecar is merged: keywords a person
 * wrote stay, the keywords this sink wrote last time are replaced. Each file is written atomically
 * (a temporary file in the same folder, then a rename). Thread-safe.
 */
public final class XmpSidecarSink implements TagSink {
  /** Where a sidecar lies: {@code photo.jpg.xmp} (digiKam, darktable) or {@code photo.xmp} (Lightroom). */
  public enum Naming { APPEND_XMP, REPLACE_EXTENSION }

  static final String NS_X = "adobe:ns:meta/";
  static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String NS_DC = "http://purl.org/dc/elements/1.1/";
  static final String NS_LR = "http://ns.adobe.com/lightroom/1.0/";
  static final String NS_TAGGER = "https://tagger.dev/ns/xmp/1.0/";

  private final Naming naming;
  private final String hierarchyRoot;
  private final TagHierarchy hierarchy;
  private final @Nullable FeedbackStore feedback;

  private XmpSidecarSink(Naming naming, String hierarchyRoot, TagHierarchy hierarchy, @Nullable FeedbackStore feedback) {
    this.naming = naming;
    this.hierarchyRoot = hierarchyRoot;
    this.hierarchy = hierarchy;
    this.feedback = feedback;
  }

  public XmpSidecarSink(Naming naming, String hierarchyRoot, TagHierarchy hierarchy) {
    this(naming, hierarchyRoot, hierarchy, null);
  }

  /**
   * This sink, also reading what a person changed in a sidecar since it was last written (in digiKam,
   * Lightroom, darktable): a keyword of ours they deleted is recorded as rejected (and not written back), a
   * keyword they added as added by a person.
   */
  public XmpSidecarSink withFeedback(FeedbackStore store) {
    return new XmpSidecarSink(naming, hierarchyRoot, hierarchy, store);
  }

  public XmpSidecarSink(Naming naming, String hierarchyRoot) {
    this(naming, hierarchyRoot, TagHierarchy.defaults());
  }

  public XmpSidecarSink() {
    this(Naming.APPEND_XMP, "AI");
  }

  public Path sidecarOf(Path media) {
    if (naming == Naming.APPEND_XMP) {
      return media.resolveSibling(media.getFileName() + ".xmp");
    }
    String name = media.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return media.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".xmp");
  }

  @Override
  public void accept(TagResult result) {
    if (!result.succeeded()) {
      return;
    }
    Path sidecar = sidecarOf(Path.of(result.path()));
    synchronized (this) {
      write(sidecar, result);
    }
  }

  /**
   * With a feedback store: our keywords missing from {@code dc:subject} were deleted by a person (rejected),
   * and their keywords that were not there at our last write were added by them.
   */
  private List<Feedback> readCorrections(XmpBags bags, TagResult result, Set<String> previousOurs, List<String> subjects, Set<String> personal) {
    if (feedback == null || result.sha256() == null || previousOurs.isEmpty()) {
      return List.of();
    }
    Set<String> removed = new LinkedHashSet<>(previousOurs);
    removed.removeAll(subjects);
    List<Feedback> said = new java.util.ArrayList<>();
    java.time.Instant now = java.time.Instant.now();
    for (String name : removed) {
      said.add(new Feedback(result.sha256(), result.path(), name, Verdict.REJECT, null, confidence(result, name), "xmp", now));
    }
    if (bags.has(NS_TAGGER, "tagger:personal")) { // a sidecar of an older version has none: its keywords were all there before
      List<String> personalBefore = bags.read(NS_TAGGER, "tagger:personal");
      for (String name : personal) {
        if (!personalBefore.contains(name)) {
          said.add(new Feedback(result.sha256(), result.path(), name, Verdict.ADDED, null, null, "xmp", now));
        }
      }
    }
    return said;
  }

  /**
   * The model's description of the item as {@code dc:description}, unless a person wrote one: the sidecar keeps what this
   * sink wrote last in {@code tagger:description}, and only a description equal to that (or none) is replaced.
   */
  private static void writeDescription(XmpBags bags, TagResult result) {
    java.util.Optional<String> said = result.description();
    if (said.isEmpty()) {
      return;
    }
    String existing = bags.readAlt(NS_DC, "dc:description");
    String ours = bags.readText(NS_TAGGER, "tagger:description");
    if (existing == null || existing.isBlank() || existing.equals(ours)) {
      bags.writeAlt(NS_DC, "dc:description", said.get());
      bags.writeText(NS_TAGGER, "tagger:description", said.get());
    }
  }

  private static @Nullable Double confidence(TagResult result, String name) {
    return result.tag(name).map(Tag::confidence).orElse(null);
  }

  private void write(Path sidecar, TagResult result) {
    try {
      Document doc = Files.exists(sidecar) ? parse(sidecar) : newDocument();
      Element description = description(doc);
      declare(description, "dc", NS_DC);
      declare(description, "lr", NS_LR);
      declare(description, "tagger", NS_TAGGER);
      XmpBags bags = new XmpBags(doc, description);

      Set<String> previousOurs = new LinkedHashSet<>(bags.read(NS_TAGGER, "tagger:keywords"));
      List<String> subjects = bags.read(NS_DC, "dc:subject");
      Set<String> personal = new LinkedHashSet<>(subjects);
      personal.removeAll(previousOurs);
      List<Feedback> corrections = readCorrections(bags, result, previousOurs, subjects, personal);
      Set<String> removedByPerson = new LinkedHashSet<>();
      corrections.stream().filter(f -> f.verdict() == Verdict.REJECT).forEach(f -> removedByPerson.add(f.tag()));
      Set<String> ours = new LinkedHashSet<>();
      Set<String> oursHierarchical = new LinkedHashSet<>();
      for (Tag t : result.tags()) {
        if (!personal.contains(t.name()) && !removedByPerson.contains(t.name())) {
          ours.add(t.name());
          List<String> path = new java.util.ArrayList<>(hierarchy.path(t));
          path.set(path.size() - 1, t.name());
          oursHierarchical.add(hierarchyRoot + "|" + String.join("|", path));
        }
      }
      Set<String> allSubjects = new LinkedHashSet<>(personal);
      allSubjects.addAll(ours);
      bags.write(NS_DC, "dc:subject", "rdf:Bag", allSubjects);

      Set<String> hierarchical = new LinkedHashSet<>();
      for (String h : bags.read(NS_LR, "lr:hierarchicalSubject")) {
        if (!previousOurs.contains(leaf(h)) || !h.startsWith(hierarchyRoot + "|")) {
          hierarchical.add(h);
        }
      }
      hierarchical.addAll(oursHierarchical);
      bags.write(NS_LR, "lr:hierarchicalSubject", "rdf:Bag", hierarchical);

      bags.write(NS_TAGGER, "tagger:keywords", "rdf:Bag", ours);
      bags.write(NS_TAGGER, "tagger:personal", "rdf:Bag", personal, true); // to tell, next time, what a person added since
      writeDescription(bags, result);
      bags.writeTags("tagger:tags", result.tags());
      bags.writeTags("tagger:review", result.review());
      writeAtomically(doc, sidecar);
      if (!corrections.isEmpty()) {
        feedback.record(corrections); // once the sidecar says so too: a failed write reads them again next time
      }
    } catch (IOException | SAXException | ParserConfigurationException | TransformerException e) {
      throw new TaggerException("cannot write XMP sidecar " + sidecar + ": " + e.getMessage()
          + "; the existing sidecar was left as it was", e);
    }
  }

  private static void declare(Element description, String prefix, String ns) {
    String xmlns = "http://www.w3.org/2000/xmlns/";
    if (!description.hasAttributeNS(xmlns, prefix)) {
      description.setAttributeNS(xmlns, "xmlns:" + prefix, ns);
    }
  }

  private static String leaf(String hierarchical) {
    int bar = hierarchical.lastIndexOf('|');
    return bar < 0 ? hierarchical : hierarchical.substring(bar + 1);
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder();
  }

  private static Document parse(Path sidecar) throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilder b = builder();
    b.setErrorHandler(null);
    try {
      return b.parse(sidecar.toFile());
    } catch (SAXException e) {
      throw new SAXException("existing sidecar is not well-formed XML (" + e.getMessage() + ")", e);
    }
  }

  private static Document newDocument() throws ParserConfigurationException {
    Document doc = builder().newDocument();
    Element meta = doc.createElementNS(NS_X, "x:xmpmeta");
    doc.appendChild(meta);
    Element rdf = doc.createElementNS(NS_RDF, "rdf:RDF");
    meta.appendChild(rdf);
    return doc;
  }

  /** The first rdf:Description, created (under rdf:RDF) when there is none. */
  private static Element description(Document doc) throws SAXException {
    var found = doc.getElementsByTagNameNS(NS_RDF, "Description");
    if (found.getLength() > 0) {
      return (Element) found.item(0);
    }
    var rdfs = doc.getElementsByTagNameNS(NS_RDF, "RDF");
    if (rdfs.getLength() == 0) {
      throw new SAXException("existing sidecar has no rdf:RDF element; is it an XMP file?");
    }
    Element d = doc.createElementNS(NS_RDF, "rdf:Description");
    d.setAttributeNS(NS_RDF, "rdf:about", "");
    rdfs.item(0).appendChild(d);
    return d;
  }

  private static void writeAtomically(Document doc, Path sidecar) throws IOException, TransformerException {
    Transformer t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.INDENT, "yes");
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
    doc.setXmlStandalone(true);
    AtomicFiles.replace(sidecar, out -> t.transform(new DOMSource(doc), new StreamResult(out)));
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
