package dev.tagger.sink;

import dev.tagger.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads and replaces RDF containers (Bag, Seq) under one rdf:Description. */
final class XmpBags {
  private final Document doc;
  private final Element description;

  XmpBags(Document doc, Element description) {
    this.doc = doc;
    this.description = description;
  }

  /** The rdf:li texts of a property, or nothing when it is absent. */
  List<String> read(String ns, String qname) {
    List<String> out = new ArrayList<>();
    Element prop = child(ns, local(qname));
    if (prop == null) {
      return out;
    }
    NodeList items = prop.getElementsByTagNameNS(XmpSidecarSink.NS_RDF, "li");
    for (int i = 0; i < items.getLength(); i++) {
      String text = items.item(i).getTextContent().strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  /** Replaces a property with a container of the given values; removes it when there are none. */
  void write(String ns, String qname, String container, Collection<String> values) {
    write(ns, qname, container, values, false);
  }

  /** As {@link #write(String, String, String, Collection)}; with {@code keepEmpty}, an empty container stays (it says "none"). */
  void write(String ns, String qname, String container, Collection<String> values, boolean keepEmpty) {
    Element list = replace(ns, qname, container, keepEmpty || !values.isEmpty());
    if (list == null) {
      return;
    }
    for (String v : values) {
      Element li = doc.createElementNS(XmpSidecarSink.NS_RDF, "rdf:li");
      li.setTextContent(v);
      list.appendChild(li);
    }
  }

  /** Replaces a property with an rdf:Seq of structured tags (name, confidence, provenance). */
  void writeTags(String qname, List<Tag> tags) {
    Element seq = replace(XmpSidecarSink.NS_TAGGER, qname, "rdf:Seq", !tags.isEmpty());
    if (seq == null) {
      return;
    }
    for (Tag t : tags) {
      Element li = doc.createElementNS(XmpSidecarSink.NS_RDF, "rdf:li");
      li.setAttributeNS(XmpSidecarSink.NS_RDF, "rdf:parseType", "Resource");
      field(li, "tagger:name", t.name());
      field(li, "tagger:confidence", String.format(java.util.Locale.ROOT, "%.4f", t.confidence()));
      field(li, "tagger:category", XmpSidecarSink.lower(t.category()));
      field(li, "tagger:analyzer", t.source().analyzer());
      field(li, "tagger:model", t.source().model());
      field(li, "tagger:version", t.source().version());
      seq.appendChild(li);
    }
  }

  private void field(Element parent, String qname, String value) {
    Element e = doc.createElementNS(XmpSidecarSink.NS_TAGGER, qname);
    e.setTextContent(value);
    parent.appendChild(e);
  }

  private Element replace(String ns, String qname, String container, boolean keep) {
    Element old = child(ns, local(qname));
    if (old != null) {
      description.removeChild(old);
    }
    if (!keep) {
      return null;
    }
    Element prop = doc.createElementNS(ns, qname);
    Element list = doc.createElementNS(XmpSidecarSink.NS_RDF, container);
    prop.appendChild(list);
    description.appendChild(prop);
    return list;
  }

  /** The {@code x-default} text of a language alternative ({@code dc:description}), or null when there is none. */
  String readAlt(String ns, String qname) {
    Element prop = child(ns, local(qname));
    if (prop == null) {
      return null;
    }
    var items = prop.getElementsByTagNameNS(XmpSidecarSink.NS_RDF, "li");
    for (int i = 0; i < items.getLength(); i++) {
      Element li = (Element) items.item(i);
      String lang = li.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
      if (lang.isEmpty() || lang.equals("x-default")) {
        return li.getTextContent();
      }
    }
    return items.getLength() > 0 ? items.item(0).getTextContent() : prop.getTextContent();
  }

  /** Replaces a language alternative with one {@code x-default} text. */
  void writeAlt(String ns, String qname, String text) {
    Element alt = replace(ns, qname, "rdf:Alt", true);
    Element li = doc.createElementNS(XmpSidecarSink.NS_RDF, "rdf:li");
    li.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "x-default");
    li.setTextContent(text);
    alt.appendChild(li);
  }

  /** The text of a simple property, or null. */
  String readText(String ns, String qname) {
    Element prop = child(ns, local(qname));
    return prop == null ? null : prop.getTextContent();
  }

  /** Replaces a simple property's text. */
  void writeText(String ns, String qname, String text) {
    Element old = child(ns, local(qname));
    if (old != null) {
      description.removeChild(old);
    }
    Element prop = doc.createElementNS(ns, qname);
    prop.setTextContent(text);
    description.appendChild(prop);
  }

  /** Whether the sidecar has this property at all. */
  boolean has(String ns, String qname) {
    return child(ns, local(qname)) != null;
  }

  private Element child(String ns, String local) {
    for (Node n = description.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static String local(String qname) {
    return qname.substring(qname.indexOf(':') + 1);
  }
}
