package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XmpSidecarSinkTest extends TagSinkContractKit {
  static final Source S = new Source("image-classifier", "imagenet-mobilenetv2-int8", "cc028fe6cae7");

  static final String DIGIKAM_SIDECAR = """
      <?xml version="1.0" encoding="UTF-8"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmp:Rating="4">
         <dc:subject>
          <rdf:Bag>
           <rdf:li>Holiday</rdf:li>
           <rdf:li>Grandma</rdf:li>
           <rdf:li>cat</rdf:li>
          </rdf:Bag>
         </dc:subject>
         <lr:hierarchicalSubject>
          <rdf:Bag>
           <rdf:li>People|Grandma</rdf:li>
          </rdf:Bag>
         </lr:hierarchicalSubject>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  @Override
  protected TagSink newSink() {
    return new XmpSidecarSink();
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) throws Exception {
    for (TagResult r : results) {
      Path sidecar = Path.of(r.path() + ".xmp");
      if (r.succeeded()) {
        assertThat(list(sidecar, "http://purl.org/dc/elements/1.1/", "subject")).containsExactly("cat");
      } else {
        assertThat(sidecar).doesNotExist();
      }
    }
  }

  TagResult result(Path media, String... names) {
    List<Tag> tags = new ArrayList<>();
    for (String n : names) {
      tags.add(Tag.of(n, 0.8, Category.OBJECT, S));
    }
    return new TagResult(media.toString(), MediaKind.IMAGE, "00", tags, List.of(), List.of(), null, false, 1);
  }

  @Test
  void mergesIntoAPersonsSidecarAndReplacesOnlyItsOwnKeywordsOnReTagging() throws Exception {
    Path photo = Files.writeString(tmp.resolve("IMG_1.jpg"), "x");
    Path sidecar = tmp.resolve("IMG_1.jpg.xmp");
    Files.writeString(sidecar, DIGIKAM_SIDECAR);
    XmpSidecarSink sink = new XmpSidecarSink();

    sink.accept(result(photo, "cat", "sofa"));
    assertThat(list(sidecar, XmpSidecarSink.NS_DC, "subject")).containsExactly("Holiday", "Grandma", "cat", "sofa");
    assertThat(list(sidecar, XmpSidecarSink.NS_LR, "hierarchicalSubject")).containsExactly("People|Grandma", "AI|furniture|sofa");
    assertThat(Files.readString(sidecar)).contains("xmp:Rating=\"4\"").contains("<tagger:analyzer>image-classifier</tagger:analyzer>")
        .contains("<tagger:confidence>0.8000</tagger:confidence>");

    sink.accept(result(photo, "dog"));
    assertThat(list(sidecar, XmpSidecarSink.NS_DC, "subject")).containsExactly("Holiday", "Grandma", "cat", "dog");
    assertThat(list(sidecar, XmpSidecarSink.NS_LR, "hierarchicalSubject")).containsExactly("People|Grandma", "AI|animal|mammal|dog");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("IMG_1.jpg", "IMG_1.jpg.xmp");
    }
  }

  @Test
  void hierarchicalKeywordsFollowTheTagHierarchy() throws Exception {
    Path photo = Files.writeString(tmp.resolve("husky.jpg"), "x");
    Source faces = new Source("faces", "yunet", "1");
    new XmpSidecarSink().accept(new TagResult(photo.toString(), MediaKind.IMAGE, "00", List.of(
        Tag.of("malamute", 0.9, Category.OBJECT, S), Tag.of("dog", 0.9, Category.OBJECT, S),
        Tag.of("mountain", 0.8, Category.SCENE, S), Tag.of("1 person", 0.95, Category.FACE, faces)),
        List.of(), List.of(), null, false, 1));
    assertThat(list(tmp.resolve("husky.jpg.xmp"), XmpSidecarSink.NS_LR, "hierarchicalSubject")).containsExactly(
        "AI|animal|mammal|dog|malamute", "AI|animal|mammal|dog", "AI|scene|mountain", "AI|people|1 person");
    assertThat(list(tmp.resolve("husky.jpg.xmp"), XmpSidecarSink.NS_DC, "subject"))
        .containsExactly("malamute", "dog", "mountain", "1 person");
  }

  @Test
  void lightroomNamingReplacesTheExtension() throws Exception {
    Path photo = Files.writeString(tmp.resolve("DSC_2.NEF"), "x");
    new XmpSidecarSink(XmpSidecarSink.Naming.REPLACE_EXTENSION, "AI").accept(result(photo, "dog"));
    assertThat(list(tmp.resolve("DSC_2.xmp"), XmpSidecarSink.NS_DC, "subject")).containsExactly("dog");
  }

  @Test
  void aBrokenSidecarIsLeftUntouched() throws Exception {
    Path photo = Files.writeString(tmp.resolve("a.jpg"), "x");
    Path sidecar = Files.writeString(tmp.resolve("a.jpg.xmp"), "<x:xmpmeta><rdf:RDF>unclosed");
    assertThatThrownBy(() -> new XmpSidecarSink().accept(result(photo, "dog")))
        .hasMessageContaining("cannot write XMP sidecar " + sidecar)
        .hasMessageContaining("left as it was");
    assertThat(sidecar).hasContent("<x:xmpmeta><rdf:RDF>unclosed");
  }

  static List<String> list(Path sidecar, String ns, String local) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(sidecar.toFile());
    NodeList props = doc.getElementsByTagNameNS(ns, local);
    List<String> out = new ArrayList<>();
    if (props.getLength() == 0) {
      return out;
    }
    NodeList lis = ((Element) props.item(0)).getElementsByTagNameNS(XmpSidecarSink.NS_RDF, "li");
    for (int i = 0; i < lis.getLength(); i++) {
      out.add(lis.item(i).getTextContent().strip());
    }
    return out;
  }
}
