package dev.tagger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled main code of every module (this module depends on all of
 * them): {@code tagger-api} knows no adapter and no native library; an adapter uses {@code tagger-api}'s
 * public packages, never {@code dev.tagger.internal}, and no other adapter except ONNX Runtime's session
 * layer ({@code dev.tagger.onnx.runtime}), which the sound-event analyzer runs its model through.
 */
class ModuleBoundariesTest {
  /** The adapters: each a module of its own. */
  static final List<String> ADAPTERS = List.of("dev.tagger.media", "dev.tagger.onnx", "dev.tagger.audio", "dev.tagger.nlp",
      "dev.tagger.stash", "dev.tagger.remote", "dev.tagger.spark");
  static final String[] API = {"dev.tagger", "dev.tagger.spi..", "dev.tagger.rules..", "dev.tagger.sink..", "dev.tagger.store..",
      "dev.tagger.model..", "dev.tagger.policy..", "dev.tagger.internal.."};
  static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // the modules' test jars: fixtures, not products
        .importPackages("dev.tagger");
  }

  @Test
  void theApiKnowsNoAdapterAndNoNativeLibrary() {
    noClasses().that().resideInAnyPackage(API)
        .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream().map(a -> a + "..").toArray(String[]::new))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "ai.onnxruntime..", "net.sourceforge.tess4j..",
            "org.vosk..", "com.sun.jna..", "opennlp..", "dev.tagger.cli..")
        .check(main);
  }

  @Test
  void noAdapterReachesIntoTheApisInternals() {
    noClasses().that().resideInAnyPackage(ADAPTERS.stream().map(a -> a + "..").toArray(String[]::new))
        .or().resideInAnyPackage("dev.tagger.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tagger.internal..")
        .check(main);
  }

  @Test
  void noAdapterImportsAnotherAdapter() {
    for (String adapter : ADAPTERS) {
      List<String> others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).toList();
      DescribedPredicate<JavaClass> anotherAdapter = DescribedPredicate.describe(
          "another adapter (ONNX Runtime's session layer aside)",
          c -> !inPackage(c, "dev.tagger.onnx.runtime") && others.stream().anyMatch(o -> inPackage(c, o)));
      noClasses().that().resideInAPackage(adapter + "..").should().dependOnClassesThat(anotherAdapter).check(main);
    }
  }

  static boolean inPackage(JavaClass c, String pkg) {
    return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
  }
}
