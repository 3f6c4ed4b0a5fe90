package dev.tagger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.TagSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every analyzer and every sink in the main code runs its contract kit: for each public, concrete
 * implementation {@code X} of {@link Analyzer} or {@link TagSink}, some module has a test {@code XTest} or
 * {@code XContractTest} that extends {@code AnalyzerContractKit} or {@code TagSinkContractKit} (or a kit built on one,
 * named {@code ...AnalyzerContractKit}). A new
 * analyzer or sink without one fails here, naming it.
 */
class ContractKitCoverageTest {
  static final Map<Class<?>, String> KITS = Map.of(Analyzer.class, "AnalyzerContractKit", TagSink.class, "TagSinkContractKit");

  @Test
  void everyAnalyzerAndSinkRunsItsContractKit() throws IOException {
    List<JavaClass> implementations = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // the modules' test jars: fixtures, not products
        .importPackages("dev.tagger").stream()
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getModifiers().contains(JavaModifier.ABSTRACT) && !c.isInterface())
        .filter(c -> KITS.keySet().stream().anyMatch(c::isAssignableTo))
        .toList();
    assertThat(implementations).as("analyzers and sinks found").hasSizeGreaterThan(15);

    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> missing = new ArrayList<>();
    for (JavaClass c : implementations) {
      String kit = c.isAssignableTo(Analyzer.class) ? KITS.get(Analyzer.class) : KITS.get(TagSink.class);
      if (!hasContractTest(root, c.getSimpleName(), kit)) {
        missing.add(c.getName() + " (wants " + c.getSimpleName() + "ContractTest extends " + kit + ")");
      }
    }
    assertThat(missing).as("implementations without a contract test").isEmpty();
  }

  private static boolean hasContractTest(Path root, String simpleName, String kit) throws IOException {
    for (String suffix : List.of("ContractTest.java", "Test.java")) {
      try (Stream<Path> modules = Files.list(root)) {
        for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/test/java"))).toList()) {
          try (Stream<Path> tests = Files.walk(module.resolve("src/test/java"))) {
            for (Path t : tests.filter(p -> p.getFileName().toString().equals(simpleName + suffix)).toList()) {
              if (java.util.regex.Pattern.compile("extends \\w*" + kit).matcher(Files.readString(t)).find()) { // the kit or a kit built on it
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}
